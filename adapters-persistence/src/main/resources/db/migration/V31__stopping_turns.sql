-- Chat turns being stopped (ADR 37, item 4): a turn whose client went away is marked until it has stored what it
-- gathered, so that a new message in its conversation waits for it on whichever replica it lands. A mark lives
-- seconds: its turn removes it when it ends, and it counts for nothing past expires_at (a replica that died while
-- stopping a turn holds no one up for longer). No foreign key: a conversation deleted meanwhile leaves a mark that
-- nothing reads and that the next mark sweeps away.
create table stopping_turns (
    turn_id         uuid        primary key,
    conversation_id uuid        not null,
    expires_at      timestamptz not null
);

create index stopping_turns_by_conversation on stopping_turns (conversation_id, expires_at);
