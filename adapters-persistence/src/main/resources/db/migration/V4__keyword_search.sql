-- Keyword ranking beside the vectors: English full-text over the compiled text (which names the file), kept in step
-- by PostgreSQL itself.
alter table entries
    add column search_vector tsvector generated always as (to_tsvector('english', compiled)) stored;

create index entries_search_vector on entries using gin (search_vector);
