-- Conversations, one row per message (Khoj kept the whole log in one JSON document). Message details that clients
-- only echo back (contexts, thoughts, intent, files) live in `details`.
create table conversations (
    id           uuid primary key,
    user_id      uuid         not null references users (id) on delete cascade,
    title        varchar(200),
    slug         varchar(200),
    agent_slug   varchar(200),
    file_filters jsonb        not null default '[]',
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

create index conversations_recent on conversations (user_id, updated_at desc);

create table chat_messages (
    conversation_id uuid        not null references conversations (id) on delete cascade,
    position        integer     not null,
    turn_id         varchar(100),
    speaker         varchar(8)  not null,
    message         text        not null,
    created_at      timestamptz not null,
    details         jsonb       not null default '{}',
    primary key (conversation_id, position)
);

create index chat_messages_turn on chat_messages (conversation_id, turn_id);

create table public_conversations (
    slug       varchar(120) primary key,
    user_id    uuid         not null references users (id) on delete cascade,
    title      varchar(200),
    agent_slug varchar(200),
    messages   jsonb        not null,
    created_at timestamptz  not null
);
