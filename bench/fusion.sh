#!/usr/bin/env bash
# Fusion of the vector and keyword lists compared on the BEIR sets in ../shared/data/retrieval (or
# KHOJ4J_SHARED_DATA/retrieval), through the HTTP API: reciprocal rank fusion and a convex combination at several
# vector weights, one server per configuration on one index, then k-fold cross-validation over the queries
# (bench/fusion-cv.py) so the chosen weight is scored only on queries it was not chosen on.
#   bench/fusion.sh [scifact] [cranfield]        (BENCH_KEEP_DB=1 reuses the index bench/quality.sh built)
# BENCH_FUSION_CONFIGS="rrf convex-0.95 ..." runs only those configurations.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
retrieval="$(shared_data retrieval)"
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(scifact cranfield)
run() { "$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.quality.QualityBench "$BENCH_URL" "$@"; }
out="${BENCH_RUNS:-$(mktemp -d)}"
if [ "${BENCH_KEEP_DB:-0}" != "1" ]; then
  start_bench_server khoj4j_quality 42191
  run index "${sets[@]}"
  stop_bench_server
fi
read -r -a configs <<<"${BENCH_FUSION_CONFIGS:-rrf convex-0.4 convex-0.5 convex-0.6 convex-0.7 convex-0.8 convex-0.9 convex-0.925 convex-0.95 convex-0.975}"
for config in "${configs[@]}"; do
  mkdir -p "$out/$config"
  if [ "$config" = rrf ]; then fusion=rrf; weight=0.5; else fusion=convex; weight="${config#convex-}"; fi
  log "fusion: $fusion, vector weight $weight"
  BENCH_KEEP_DB=1 KHOJ_SEARCH_FUSION=$fusion KHOJ_SEARCH_VECTOR_WEIGHT=$weight start_bench_server khoj4j_quality 42191
  BENCH_RUN_DIR="$out/$config" run query "${sets[@]}"
  stop_bench_server
done
python3 "$KHOJ4J_ROOT/bench/fusion-cv.py" "$out" "$retrieval" 5
log "runs kept in $out"
