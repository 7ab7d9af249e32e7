-- Issue 22: feedback, voice choice, memories.
-- Verdicts on answers (Khoj's POST /api/chat/feedback), one per user and turn: turn_key is the client's turn id or a
-- digest of the question and answer, so a changed verdict replaces the earlier one.
create table chat_feedback (
  id         uuid primary key,
  user_id    uuid        not null references users (id) on delete cascade,
  turn_key   text        not null,
  sentiment  text        not null check (sentiment in ('positive', 'negative')),
  question   text        not null,
  answer     text        not null,
  created_at timestamptz not null,
  unique (user_id, turn_key)
);

-- The voice a user picked for read-aloud (Khoj's UserVoiceModelConfig); the voices themselves are configuration.
create table user_voice (
  user_id    uuid primary key references users (id) on delete cascade,
  voice_id   text        not null,
  updated_at timestamptz not null
);

-- Facts about a user that the chat model noted (Khoj's UserMemory), with the vector of the embedding model named in
-- embedding_model; recall compares only vectors of the current model. Searched per user by exact scan (a user has
-- few), so no vector index.
create table user_memories (
  id              bigint generated always as identity primary key,
  user_id         uuid        not null references users (id) on delete cascade,
  raw             text        not null,
  embedding       vector      not null,
  embedding_model text        not null,
  created_at      timestamptz not null
);

create index user_memories_user_idx on user_memories (user_id, created_at);

-- A user's memory switch (Khoj's UserConversationConfig.enable_memory); no row: the server's default.
create table user_memory_switch (
  user_id    uuid primary key references users (id) on delete cascade,
  enabled    boolean     not null,
  updated_at timestamptz not null
);
