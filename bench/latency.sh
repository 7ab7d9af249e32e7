#!/usr/bin/env bash
# Search latency and throughput at scale beside the raw embedding and SQL cost, plus EXPLAIN evidence of the HNSW
# index. Each concurrent path also reports how busy the machine was and the CPU per request of the server (by thread
# group), PostgreSQL and the benchmark itself; then each path runs 10 s alone for PostgreSQL's work per request
# (buffers, rows, transactions from pg_stat_database). BENCH_WARMUP_SECONDS sets how long each concurrent path runs
# unmeasured first (a third of the measured time by default). Seeds from ../shared/data/retrieval/scifact (or
# KHOJ4J_SHARED_DATA/retrieval/scifact).
#   bench/latency.sh [total entries=100000] [uploaded documents=2000] [seconds per concurrent phase=30]
# BENCH_KEEP_DB=1 reuses the database seeded by an earlier run; BENCH_SEED_ONLY=1 seeds and measures nothing (the
# collection is grown in bulk: indexes built once after the copies, see BenchCorpus.growInBulk); BENCH_USERS=100
# spreads the copies over 100 users who search with API tokens (copy k to user k modulo 100, so it needs at least 100
# copies of the uploaded entries: 300,000 entries for 2,000 documents); BENCH_DB and BENCH_PORT name another database
# and port.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
shared_data retrieval/scifact >/dev/null
# the server embeds every query, as the raw path does: no query-vector cache (ADR 31) to skip the repeated ones
KHOJ_EMBEDDING_QUERY_CACHE_SIZE=0 start_bench_server "${BENCH_DB:-khoj4j_latency}" "${BENCH_PORT:-42192}"
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.LatencyBench \
  "$BENCH_URL" "$BENCH_JDBC" "${1:-100000}" "${2:-2000}" "${3:-30}" "$BENCH_PID"
