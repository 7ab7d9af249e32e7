-- Sign-in: passwords (administrator, optional for others), browser sessions, magic-link codes, OIDC identities,
-- and the attempt log that bounds guessing across every replica.

alter table users add column password_hash varchar(200);

-- Only the SHA-256 of the cookie's secret is stored.
create table web_sessions (
    token_hash char(64)    primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
create index web_sessions_user_idx on web_sessions (user_id);
create index web_sessions_expiry_idx on web_sessions (expires_at);

-- At most one live magic-link code per user; the hash binds the code to its user.
create table login_codes (
    user_id    uuid        primary key references users (id) on delete cascade,
    code_hash  char(64)    not null,
    expires_at timestamptz not null
);

create table external_identities (
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    user_id    uuid         not null references users (id) on delete cascade,
    created_at timestamptz  not null default now(),
    primary key (issuer, subject)
);
create index external_identities_user_idx on external_identities (user_id);

-- One row per allowed attempt; subjects (addresses, IPs) are stored as SHA-256 hashes.
create table rate_limit_attempts (
    bucket       varchar(100) not null,
    subject_hash char(64)     not null,
    attempted_at timestamptz  not null
);
create index rate_limit_attempts_key_idx on rate_limit_attempts (bucket, subject_hash, attempted_at);
create index rate_limit_attempts_time_idx on rate_limit_attempts (attempted_at);
