#!/usr/bin/env bash
# Where an exact scan of one owner's vectors stops being as fast as the HNSW graph: on a copy of the database
# bench/indexing.sh left (khoj4j_bench: the notes corpus, one owner), grown by copies of its entries (each vector moved
# by uniform noise) to each size, the graph built at the server's settings (m 32, ef_construction 128), then 200 times
# each way the vector ranker's query for 100 candidates with the owner filter and a stored entry's vector: the graph
# (relaxed iterative scan, ef_search 100) and the exact scan (ordered index scans off, as the ranker sets them for a
# small owner). Prints the median and 90th percentile in ms of each, twice, alternated. The copy is dropped at the end.
#   bench/exact-vs-graph.sh [sizes="10000 20000 40000"] [database=khoj4j_bench]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
sizes="${1:-10000 20000 40000}"
source_db="${2:-khoj4j_bench}"
db=khoj4j_exact_vs_graph
model="$(as_postgres psql -qAt -d "$source_db" -c "select model_id from entries limit 1" 2>/dev/null || true)"
[ -n "$model" ] || die "database $source_db has no entries: run bench/indexing.sh first"
hnsw="$(as_postgres psql -qAt -d "$source_db" -c "select indexname from pg_indexes
  where tablename = 'entries' and indexdef like '%hnsw%' limit 1")"
dimension="$(as_postgres psql -qAt -d "$source_db" -c "select vector_dims(embedding) from entries limit 1")"
as_postgres psql -q -d postgres -c "drop database if exists $db" -c "create database $db template $source_db"
trap 'as_postgres psql -q -d postgres -c "drop database if exists $db"' EXIT
sql() { as_postgres psql -qAt -d "$db" -v ON_ERROR_STOP=1 "$@"; }

sql <<SQL
alter table entries disable trigger entries_postings_on_insert;
drop index if exists entries_search_vector;
create function bench_grow(target int) returns void language plpgsql as \$\$
declare have int;
begin
  select count(*) into have from entries;
  while have < target loop
    insert into entries (id, user_id, file_path, file_type, file_source, raw, compiled, heading, uri, content_hash,
                         corpus_id, embedding, model_id, created_at, agent_id)
    select gen_random_uuid(), user_id, file_path || '#copy' || have, file_type, file_source, raw, compiled, heading,
           uri, content_hash, gen_random_uuid(),
           (select array_agg(x + (random() - 0.5) * 0.03) from unnest(embedding::real[]) x)::vector,
           model_id, created_at, agent_id
    from entries where file_path not like '%#copy%' limit (target - have);
    select count(*) into have from entries;
  end loop;
end \$\$;
create function bench_rank(mode text, n int) returns table(p50 float8, p90 float8) language plpgsql as \$\$
declare q vector; t0 timestamptz; times float8[] := '{}'; owner uuid; r record; statement text;
begin
  select user_id into owner from entries limit 1;
  if mode = 'exact' then
    perform set_config('enable_indexscan', 'off', true);
  else
    perform set_config('hnsw.iterative_scan', 'relaxed_order', true);
    perform set_config('hnsw.ef_search', '100', true);
  end if;
  for i in 1..n loop
    select embedding into q from entries order by md5(id::text || i::text) limit 1;
    statement := format('select e.id, e.file_path, e.file_source, e.corpus_id, e.content_hash,'
      || ' (e.embedding::vector($dimension) <=> %L::vector($dimension)) as d from entries e'
      || ' where e.model_id = %L and e.user_id = %L'
      || ' order by (e.embedding::vector($dimension) <=> %L::vector($dimension)) limit 100',
      q::text, '$model', owner, q::text);
    t0 := clock_timestamp();
    for r in execute statement loop end loop;
    times := times || extract(epoch from clock_timestamp() - t0) * 1000;
  end loop;
  return query select percentile_cont(0.5) within group (order by x), percentile_cont(0.9) within group (order by x)
    from unnest(times) x;
end \$\$;
SQL

measure() {
  local size="$1" mode
  for mode in graph exact graph exact; do
    printf '%s entries, %s: p50 / p90 ms %s\n' "$size" "$mode" \
      "$(sql -F ' / ' -c "select round(p50::numeric, 2), round(p90::numeric, 2) from bench_rank('$mode', 200)")"
  done
}

measure "$(sql -c 'select count(*) from entries')"
for size in $sizes; do
  sql -c "drop index if exists $hnsw" -c "select bench_grow($size)" -c "set maintenance_work_mem = '1GB'" \
    -c "create index $hnsw on entries using hnsw ((embedding::vector($dimension)) vector_cosine_ops)
        with (m = 32, ef_construction = 128) where model_id = '$model'" -c "vacuum analyze entries" >/dev/null
  measure "$size"
done
