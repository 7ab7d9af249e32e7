#!/usr/bin/env bash
# What each part of the entries schema costs PostgreSQL when a sync writes chunks: inserts a copy of every entry of
# the database bench/indexing.sh left (khoj4j_bench, or the one named) in one statement, in a transaction that is
# rolled back, with all indexes and triggers, then with the HNSW index, the full-text GIN index, the postings
# trigger, and all three taken out; then the postings alone with and without their foreign key and indexes; then the
# vector graph built and written at single precision (the server's for up to 2,000 dimensions) and at half precision
# (its graph for 2,001 to 4,000), with the size of each.
#   bench/insert-cost.sh [database=khoj4j_bench]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
db="${1:-khoj4j_bench}"
columns="id,user_id,file_path,file_type,file_source,raw,compiled,heading,uri,content_hash,corpus_id,embedding,model_id,created_at"
hnsw="$(as_postgres psql -qAt -d "$db" -c "select indexname from pg_indexes where tablename = 'entries' and indexdef like '%hnsw%' limit 1")"
[ -n "$hnsw" ] || die "database $db has no indexed entries: run bench/indexing.sh first"
insert="insert into entries ($columns) select $columns from copies;"
model="$(as_postgres psql -qAt -d "$db" -c "select model_id from entries where model_id is not null limit 1")"
dims="$(as_postgres psql -qAt -d "$db" -c "select vector_dims(embedding) from entries where model_id is not null limit 1")"
graph() { # the server's graph of the corpus's model, at a precision: vector or halfvec
  echo "create index graph on entries using hnsw ((embedding::$1($dims)) $1_cosine_ops) with (m = 32, ef_construction = 128) where model_id = '$model';"
}
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
  for precision in vector halfvec; do
    measure "graph of the $dims-dimension vectors, $precision: build, then its size" "drop index $hnsw;" \
      "$(graph $precision)
select 'size ' || pg_size_pretty(pg_relation_size('graph'));"
    measure "entries: the graph as $precision (postings trigger and full-text GIN index out)" \
      "drop index $hnsw; $(graph $precision) drop index entries_search_vector;
alter table entries disable trigger entries_postings_on_insert;" "$insert"
  done
} | as_postgres psql -q -d "$db" -v ON_ERROR_STOP=1 | grep -E '^(--|Time| ?size)'
