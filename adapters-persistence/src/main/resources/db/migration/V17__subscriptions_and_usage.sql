-- Subscriptions (Khoj's Subscription model), the billing events already applied (a replayed webhook changes
-- nothing), and places held in the rate-limit log (open WebSocket connections, given back on close).

create table subscriptions (
    user_id          uuid        primary key references users (id) on delete cascade,
    type             varchar(20) not null check (type in ('trial', 'standard')),
    is_recurring     boolean     not null default false,
    renewal_date     timestamptz,
    enabled_trial_at timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table billing_events (
    event_id    varchar(255) primary key,
    received_at timestamptz  not null
);
create index billing_events_time_idx on billing_events (received_at);

-- A held place has an id so that its holder can give it back; plain attempts have none.
alter table rate_limit_attempts add column hold_id varchar(100);
create index rate_limit_attempts_hold_idx on rate_limit_attempts (hold_id) where hold_id is not null;
