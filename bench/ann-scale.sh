#!/usr/bin/env bash
# The vector index at a million entries: HNSW build time and size, and recall@10 of the server's vector ranker
# (owner filter, iterative scan) against an exact scan, for one user and for 100 users. Seeds from
# ../shared/data/retrieval/scifact (or KHOJ4J_SHARED_DATA/retrieval/scifact).
#   bench/ann-scale.sh [total entries=1000000] [uploaded documents=2000] [queries=200] [layouts=1,100]
# BENCH_KEEP_DB=1 reuses the database seeded by an earlier run. Needs about 6 GB of free disk.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
shared_data retrieval/scifact >/dev/null
if [ "${BENCH_KEEP_DB:-0}" = "1" ] \
    && as_postgres psql -qAt -d postgres -c "select 1 from pg_database where datname = 'khoj4j_annscale'" | grep -q 1; then
  # seeded already: no server (at start-up it would build a missing vector index itself, concurrently)
  BENCH_URL="http://127.0.0.1:42193"; BENCH_JDBC="jdbc:postgresql://localhost:5432/khoj4j_annscale"
else
  start_bench_server khoj4j_annscale 42193
fi
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.AnnScaleBench \
  "$BENCH_URL" "$BENCH_JDBC" "${1:-1000000}" "${2:-2000}" "${3:-200}" "${4:-1,100}"
