-- Agents (Khoj's Agent). creator null = managed by the administrators (the default agent `khoj` is one).
-- Tools and modes are stored as their wire names, comma-separated; empty = all. Slugs are lower case and unique.
create table agents (
    id           uuid primary key,
    slug         varchar(200) not null,
    creator_id   uuid references users (id) on delete cascade,
    name         varchar(200) not null,
    persona      text         not null default '',
    privacy      varchar(16)  not null check (privacy in ('private', 'protected', 'public')),
    chat_model   varchar(200),
    input_tools  varchar(200) not null default '',
    output_modes varchar(200) not null default '',
    color        varchar(32)  not null,
    icon         varchar(64)  not null,
    hidden       boolean      not null default false,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    constraint agents_slug_unique unique (slug)
);

create index agents_creator_idx on agents (creator_id);
