#!/usr/bin/env bash
# Indexing throughput through the HTTP API versus raw in-process embedding of the same chunks, peak RSS, and the
# re-sync of the unchanged corpus. Uses ../shared/data/notes (or KHOJ4J_SHARED_DATA/notes).
#   bench/indexing.sh [concurrency=16] [warm]
# With "warm", the corpus is then deleted and synced once more on the same, now compiled, server.
# When PostgreSQL preloads pg_stat_statements, the statements that took the database longest are listed at the end.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
notes="$(shared_data notes)"
start_bench_server khoj4j_bench 42190
statements=0
if as_postgres psql -qAt -d postgres -c "show shared_preload_libraries" | grep -q pg_stat_statements; then
  as_postgres psql -qAt -d postgres -c "create extension if not exists pg_stat_statements" >/dev/null
  as_postgres psql -qAt -d postgres -c "select pg_stat_statements_reset()" >/dev/null
  statements=1
fi
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.IndexingBench \
  "$BENCH_URL" "$notes" "$BENCH_JDBC" "$BENCH_PID" "${1:-16}" "${2:-cold}"
if [ "$statements" = 1 ]; then
  echo "statements of khoj4j_bench by total time (pg_stat_statements; wall time, waits included):"
  as_postgres psql -d postgres -c "select calls, round(total_exec_time::numeric) as total_ms,
      round((total_exec_time / calls)::numeric, 2) as mean_ms, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 80) as statement
    from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = 'khoj4j_bench'
    order by total_exec_time desc limit 10"
fi
