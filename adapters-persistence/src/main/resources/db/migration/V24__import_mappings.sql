-- What `admin import-khoj` brought in from a Khoj server: the source item (Khoj's table and key) and its id here.
-- Written in the transaction that stores the item, so a second or interrupted run imports nothing twice (ADR 26).
-- No foreign keys: local ids point into several tables; a mapping whose item was later deleted is not imported again.

create table import_mappings (
    source_table varchar(100) not null,
    source_key   text         not null,
    local_id     text         not null,
    imported_at  timestamptz  not null default now(),
    primary key (source_table, source_key)
);
