-- API tokens are stored only as SHA-256 hashes; `display` is the prefix and first 8 characters, for recognition.
create table api_tokens (
    id           uuid primary key,
    user_id      uuid         not null references users (id) on delete cascade,
    name         varchar(50)  not null,
    token_hash   char(64)     not null,
    display      varchar(32)  not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    constraint api_tokens_hash_unique unique (token_hash)
);

create index api_tokens_user_idx on api_tokens (user_id);
