#!/usr/bin/env bash
# What each part of the entries schema costs PostgreSQL when a first sync writes chunks. On the database
# bench/indexing.sh left (khoj4j_bench, or the one named), every measurement runs in a transaction that is rolled
# back: the stored entries are moved aside (the table emptied, so the vector graph starts empty as in a first sync)
# and written back one file per statement, as the server writes them. First with all indexes and triggers, then
# with the HNSW index, the full-text GIN index, the postings trigger, and all three taken out; then the postings
# alone with and without their foreign key and indexes; then the vector graph alone at the server's settings and
# at others (pgvector's defaults; single and half precision), with its size.
#   bench/insert-cost.sh [database=khoj4j_bench]
# Times are psql's wall time on an idle machine: one backend, so about its CPU time.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
db="${1:-khoj4j_bench}"
columns="id,user_id,file_path,file_type,file_source,raw,compiled,heading,uri,content_hash,corpus_id,embedding,model_id,created_at"
hnsw="$(as_postgres psql -qAt -d "$db" -c "select indexname from pg_indexes where tablename = 'entries' and indexdef like '%hnsw%' limit 1")"
[ -n "$hnsw" ] || die "database $db has no indexed entries: run bench/indexing.sh first"
model="$(as_postgres psql -qAt -d "$db" -c "select model_id from entries where model_id is not null limit 1")"
dims="$(as_postgres psql -qAt -d "$db" -c "select vector_dims(embedding) from entries where model_id is not null limit 1")"
graph() { # a graph of the corpus's model: precision (vector or halfvec), m, ef_construction
  echo "create index graph on entries using hnsw ((embedding::$1($dims)) $1_cosine_ops) with (m = $2, ef_construction = $3) where model_id = '$model';"
}
# one statement per file, as the server's per-file transactions write them
write_back="do \$\$ declare f text; begin
  for f in select distinct file_path from copies order by 1 loop
    insert into entries ($columns) select $columns from copies where file_path = f;
  end loop; end \$\$;"
postings="insert into entry_terms select * from postings;"
no_postings="alter table entries disable trigger entries_postings_on_insert;"

measure() { # label, set-up statements, the measured statement[, what to show after it]: rolled back
  # the emptied table's plans (the postings' foreign-key check among them) would otherwise scan what it holds
  printf '\\echo -- %s\nbegin;\nset local enable_seqscan = off;\ntruncate entries cascade;\n%s\n\\timing on\n%s\n\\timing off\n%s\nrollback;\n' \
    "$1" "$2" "$3" "${4:-}"
}

{
  echo "create temp table copies as select * from entries;"
  echo "create index on copies (file_path);"
  echo "create temp table postings as select p.* from copies e, entry_postings(e.user_id, e.file_type, e.id, e.search_vector) p;"
  echo "analyze copies;"
  echo "\\echo -- $(as_postgres psql -qAt -d "$db" -c 'select count(*) from entries') entries in $(as_postgres psql -qAt -d "$db" -c 'select count(distinct file_path) from entries') files, written back one file per statement"
  measure "entries: every index and trigger" "" "$write_back"
  measure "entries: without the HNSW index" "drop index $hnsw;" "$write_back"
  measure "entries: without the full-text GIN index" "drop index entries_search_vector;" "$write_back"
  measure "entries: without the postings trigger" "$no_postings" "$write_back"
  measure "entries: without all three" "drop index $hnsw; drop index entries_search_vector; $no_postings" "$write_back"
  measure "postings alone: foreign key and both indexes" "$no_postings $write_back" "$postings"
  measure "postings alone: both indexes, no foreign key" \
    "$no_postings $write_back alter table entry_terms drop constraint entry_terms_entry_id_fkey;" "$postings"
  measure "postings alone: no index, no foreign key" "$no_postings $write_back
alter table entry_terms drop constraint entry_terms_entry_id_fkey;
drop index entry_terms_by_entry; drop index entry_terms_by_impact;" "$postings"
  # the server's graph first (vector, m 32, ef_construction 128), then pgvector's defaults, then between them
  for settings in "vector 32 128" "vector 16 64" "vector 16 128" "halfvec 32 128"; do
    set -- $settings
    measure "entries with only the graph: $1, m $2, ef_construction $3" \
      "drop index $hnsw; drop index entries_search_vector; $no_postings $(graph "$1" "$2" "$3")" \
      "$write_back" "select 'size ' || pg_size_pretty(pg_relation_size('graph'));"
  done
} | as_postgres psql -qAt -d "$db" -v ON_ERROR_STOP=1 | grep -E '^(-- |Time|size)'
