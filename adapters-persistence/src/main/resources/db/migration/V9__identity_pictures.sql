-- The profile picture an OpenID Connect provider shares (its `picture` claim, an http(s) URL), per identity.
-- picture_updated_at says which of a user's identities spoke last, so /api/v1/user shows the newest picture.
alter table external_identities add column picture varchar(2000);
alter table external_identities add column picture_updated_at timestamptz;
