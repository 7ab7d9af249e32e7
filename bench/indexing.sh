#!/usr/bin/env bash
# Indexing throughput through the HTTP API versus raw in-process embedding of the same chunks, peak RSS, and the
# re-sync of the unchanged corpus. Uses ../shared/data/notes (or KHOJ4J_SHARED_DATA/notes).
#   bench/indexing.sh [concurrency=16] [warm]
# With "warm", the corpus is then deleted and synced once more on the same, now compiled, server.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
notes="$(shared_data notes)"
start_bench_server khoj4j_bench 42190
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.IndexingBench \
  "$BENCH_URL" "$notes" "$BENCH_JDBC" "$BENCH_PID" "${1:-16}" "${2:-cold}"
