#!/usr/bin/env bash
# Retrieval quality (nDCG@10, Recall@10, MRR@10) through the HTTP API, for each search mode, on the BEIR sets in
# ../shared/data/retrieval (or KHOJ4J_SHARED_DATA/retrieval):  bench/quality.sh [scifact] [cranfield]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
shared_data retrieval >/dev/null
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(scifact cranfield)
run() { "$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.quality.QualityBench "$BENCH_URL" "$@"; }
KHOJ_SEARCH_MODE=hybrid start_bench_server khoj4j_quality 42191
run index "${sets[@]}"
for mode in hybrid vector keyword; do
  stop_bench_server
  log "search mode: $mode"
  BENCH_KEEP_DB=1 KHOJ_SEARCH_MODE=$mode start_bench_server khoj4j_quality 42191
  run query "${sets[@]}"
done
stop_bench_server
