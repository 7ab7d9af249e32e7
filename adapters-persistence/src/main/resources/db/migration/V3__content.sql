-- Indexed content. One row per file in indexed_files (Khoj's FileObject); one row per chunk in entries.
-- Vectors have no fixed dimension here: each embedding model gets its own partial HNSW index on
-- (embedding::vector(dim)) WHERE model_id = '<model>', created at start-up (EmbeddingMaintenance.ensureIndex).

create table indexed_files (
    id          uuid primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    file_name   text        not null,
    file_type   varchar(16) not null,
    file_source varchar(16) not null,
    raw_text    text        not null,
    size_bytes  bigint      not null,
    updated_at  timestamptz not null,
    constraint indexed_files_one_per_name unique (user_id, file_name)
);

create index indexed_files_recent on indexed_files (user_id, updated_at desc);

create table entries (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    file_path    text        not null,
    file_type    varchar(16) not null,
    file_source  varchar(16) not null,
    raw          text        not null,
    compiled     text        not null,
    heading      text        not null,
    uri          text        not null,
    content_hash char(32)    not null,
    corpus_id    uuid        not null,
    embedding    vector,
    model_id     varchar(200),
    created_at   timestamptz not null,
    -- dedupe is per file: the same chunk never appears twice in one file, even under concurrent uploads
    constraint entries_one_chunk_per_file unique (user_id, file_path, content_hash)
);

create index entries_by_type on entries (user_id, file_type);
create index entries_by_source on entries (user_id, file_source);
create index entries_by_model on entries (model_id);

create table entry_dates (
    entry_id  uuid not null references entries (id) on delete cascade,
    user_id   uuid not null,
    mentioned date not null,
    primary key (entry_id, mentioned)
);

create index entry_dates_by_user_date on entry_dates (user_id, mentioned);
