#!/usr/bin/env bash
# Start-up time and resident memory of the packaged server on its embedded defaults (single-user mode, in-process
# embedding model), each start on a fresh database of its own, in two modes side by side:
#   - plain:  java -jar quarkus-run.jar, as before;
#   - aot:    the same jar with a JDK AOT cache (JEP 483/514, JDK 25: -XX:AOTCache) made by one training run that
#             starts the server, answers a health check and a search, and stops (only on a JDK 25 or newer).
# Each start reports Quarkus' own "started in" figure, the wall time from launching java to the first 200 from
# /api/health, RSS once idle (after 20 s), and RSS after a first search (which loads the ONNX model) and 20 s more.
#   bench/startup.sh [starts=3]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
starts="${1:-3}"
port=42195
app="$KHOJ4J_ROOT/bootstrap/target/quarkus-app"
aot_cache="$app/khoj4j.aot"
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

launch() { # $1 = extra JVM options; sets BENCH_PID and log_file
  log_file="$(mktemp)"
  # shellcheck disable=SC2086
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/khoj4j_startbench" KHOJ_ANONYMOUS_MODE=true \
    KHOJ_PORT="$port" java --enable-native-access=ALL-UNNAMED $1 -jar "$app/quarkus-run.jar" >"$log_file" 2>&1 &
  BENCH_PID=$!
  trap stop_bench_server EXIT INT TERM
}

await_health() {
  until curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
    kill -0 "$BENCH_PID" 2>/dev/null || { cat "$log_file"; die "the server did not start"; }
    sleep 0.05
  done
}

fresh_db() { KHOJ4J_ADAPTER_TEST_DB= KHOJ4J_TEST_DB=khoj4j_startbench "$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db >/dev/null; }

(cd "$KHOJ4J_ROOT" && mvn "${MVN_FLAGS[@]}" -q -DskipTests package >/dev/null)
modes=(plain)
if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
  # training run: what start-up and a first search load goes into the cache, written when the JVM exits
  fresh_db
  rm -f "$aot_cache"
  launch "-XX:AOTCacheOutput=$aot_cache"
  await_health
  curl -sf "http://127.0.0.1:$port/api/search?q=warm%20up&n=5" >/dev/null
  stop_bench_server
  rm -f "$log_file"
  [ -f "$aot_cache" ] && modes+=(aot) || log "no AOT cache was written: measuring the plain start only"
fi

for run in $(seq 1 "$starts"); do
  for mode in "${modes[@]}"; do
    fresh_db
    opts=""
    [ "$mode" = aot ] && opts="-XX:AOTCache=$aot_cache"
    t0=$(date +%s%N)
    launch "$opts"
    await_health
    t1=$(date +%s%N)
    started=$(grep -o 'started in [0-9.]*s' "$log_file" | head -1 | grep -o '[0-9.]*')
    sleep 20
    idle=$(rss_mb "$BENCH_PID")
    curl -sf "http://127.0.0.1:$port/api/search?q=warm%20up&n=5" >/dev/null
    sleep 20
    searched=$(rss_mb "$BENCH_PID")
    stop_bench_server
    rm -f "$log_file"
    printf '%-5s start %d: "started in" %s s, first healthy answer %.2f s after launch, RSS idle %s MB, after a search %s MB\n' \
      "$mode" "$run" "$started" "$(echo "($t1 - $t0) / 1000000000" | bc -l)" "$idle" "$searched"
  done
done
