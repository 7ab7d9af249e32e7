#!/usr/bin/env bash
# What reranking can add to search and what it costs, through the server's r=true path against a local
# TEI-compatible /rerank stub whose scores come from SciFact's judgments (no reranker weights are available here).
#   bench/rerank.sh [queries=250] [documents=1500]    (documents 0: the whole SciFact collection, ~8 min to index)
#   BENCH_RERANK_WEIGHTS="1.0 0.7 0.5" bench/rerank.sh: one run per reranker weight
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
shared_data retrieval/scifact >/dev/null
stub_port=42196
# BENCH_RERANK_WEIGHTS: the server's khoj.search.rerank-weight values to measure, one server each on the same index
for weight in ${BENCH_RERANK_WEIGHTS:-1.0}; do
  BENCH_SERVER_OPTS="${BENCH_SERVER_OPTS:-} -Dkhoj.search.reranker.url=http://127.0.0.1:$stub_port/rerank \
    -Dkhoj.search.reranker.api=tei -Dkhoj.search.rerank-weight=$weight" start_bench_server khoj4j_rerank 42194
  "$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.RerankBench \
    "$BENCH_URL" "$stub_port" "${1:-250}" "${2:-1500}" "$weight"
  stop_bench_server
  BENCH_KEEP_DB=1 # the next weight searches the same index
done
