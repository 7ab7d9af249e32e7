-- GitHub and Notion connectors (issue 19). Tokens are sealed by the SecretBox (AES-GCM), never stored in plain text.
-- Khoj's GithubConfig + GithubRepoConfig and NotionConfig, one row each per user.
create table github_connectors (
  user_id      uuid primary key references users (id) on delete cascade,
  sealed_token text,
  updated_at   timestamptz not null default now()
);

create table github_repos (
  user_id  uuid    not null references github_connectors (user_id) on delete cascade,
  position integer not null,
  owner    text    not null,
  name     text    not null,
  branch   text    not null,
  primary key (user_id, position)
);

create table notion_connectors (
  user_id      uuid primary key references users (id) on delete cascade,
  sealed_token text,
  updated_at   timestamptz not null default now()
);

-- Per user and source: the sync's state as /api/settings shows it.
create table connector_states (
  user_id        uuid        not null references users (id) on delete cascade,
  source         text        not null check (source in ('github', 'notion')),
  status         text        not null,
  last_error     text,
  last_synced_at timestamptz,
  done           integer     not null default 0,
  total          integer     not null default 0,
  primary key (user_id, source)
);

-- The version of each item last indexed: a GitHub file's blob SHA, a Notion page's last_edited_time. Keys are the
-- URLs the items' entries are stored under.
create table connector_items (
  user_id  uuid not null references users (id) on delete cascade,
  source   text not null check (source in ('github', 'notion')),
  item_key text not null,
  version  text not null,
  primary key (user_id, source, item_key)
);

-- Notion OAuth states: SHA-256 of the state handed to the browser, its owner, and when it stops working.
create table notion_oauth_states (
  state_hash text primary key,
  user_id    uuid        not null references users (id) on delete cascade,
  expires_at timestamptz not null
);

create index notion_oauth_states_user_idx on notion_oauth_states (user_id);
