-- pgvector is not a trusted extension: scripts/setup.sh (or the pgvector image) creates it as a superuser.
-- When it already exists this statement needs no privilege.
create extension if not exists vector;

create table users (
    id             uuid primary key,
    username       varchar(150) not null,
    email          varchar(254),
    first_name     varchar(150) not null default '',
    last_name      varchar(150) not null default '',
    verified_email boolean      not null default false,
    is_admin       boolean      not null default false,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint users_username_unique unique (username),
    constraint users_email_unique unique (email),
    constraint users_email_lower check (email = lower(email))
);
