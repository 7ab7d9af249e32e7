#!/usr/bin/env bash
# What each part of the entries schema costs PostgreSQL when a sync writes chunks: inserts a copy of every entry of
# the database bench/indexing.sh left (khoj4j_bench, or the one named) in one statement, in a transaction that is
# rolled back, with all indexes and triggers, then with the HNSW index, the full-text GIN index, the postings
# trigger, and all three taken out; then the postings alone with and without their foreign key and indexes.
#   bench/insert-cost.sh [database=khoj4j_bench]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
db="${1:-khoj4j_bench}"
columns="id,user_id,file_path,file_type,file_source,raw,compiled,heading,uri,content_hash,corpus_id,embedding,model_id,created_at"
hnsw="$(as_postgres psql -qAt -d "$db" -c "select indexname from pg_indexes where tablename = 'entries' and indexdef like '%hnsw%' limit 1")"
[ -n "$hnsw" ] || die "database $db has no indexed entries: run bench/indexing.sh first"
insert="insert into entries ($columns) select $columns from copies;"
postings="insert into entry_terms select * from postings;"

measure() { # label, set-up statements, the measured statement: in a transaction that is rolled back
  printf '\\echo -- %s\nbegin;\n%s\n\\timing on\n%s\n\\timing off\nrollback;\n' "$1" "$2" "$3"
}

{
  echo "create temp table copies as select * from entries;"
  echo "update copies set id = gen_random_uuid(), file_path = file_path || '#copy';"
  echo "create temp table postings as select p.* from copies e, entry_postings(e.user_id, e.file_type, e.id, e.search_vector) p;"
  echo "\\echo -- $(as_postgres psql -qAt -d "$db" -c 'select count(*) from entries') entries"
  measure "entries: every index and trigger" "" "$insert"
  measure "entries: without the HNSW index" "drop index $hnsw;" "$insert"
  measure "entries: without the full-text GIN index" "drop index entries_search_vector;" "$insert"
  measure "entries: without the postings trigger" \
    "alter table entries disable trigger entries_postings_on_insert;" "$insert"
  measure "entries: without all three" "drop index $hnsw; drop index entries_search_vector;
alter table entries disable trigger entries_postings_on_insert;" "$insert"
  measure "postings alone: foreign key and both indexes" \
    "alter table entries disable trigger entries_postings_on_insert; $insert" "$postings"
  measure "postings alone: both indexes, no foreign key" \
    "alter table entry_terms drop constraint entry_terms_entry_id_fkey;" "$postings"
  measure "postings alone: no index, no foreign key" "alter table entry_terms drop constraint entry_terms_entry_id_fkey;
drop index entry_terms_by_entry; drop index entry_terms_by_impact;" "$postings"
} | as_postgres psql -q -d "$db" -v ON_ERROR_STOP=1 | grep -E '^(--|Time)'
