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
