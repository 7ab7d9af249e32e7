-- Scheduled questions (Khoj's automations). Each run is a turn of conversation_id; the schedule itself lives in
-- scheduled_tasks (one row per automation, task 'automation-run', instance = id). Deleting the conversation
-- deletes its automation.
create table automations (
  id                 uuid primary key,
  user_id            uuid        not null references users (id) on delete cascade,
  subject            text        not null,
  query_to_run       text        not null,
  scheduling_request text        not null,
  crontime           text        not null,
  zone               text        not null,
  conversation_id    uuid        not null references conversations (id) on delete cascade,
  created_at         timestamptz not null
);

create index automations_user_idx on automations (user_id, created_at);
