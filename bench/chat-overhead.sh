#!/usr/bin/env bash
# The server's own overhead per chat turn against a model stand-in with fixed latency (run in the benchmark's JVM):
# time to first event, model's last token -> end_response, turn time outside model calls.
#   bench/chat-overhead.sh [turns=100]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
stub_port=42194
KHOJ4J_ADAPTER_TEST_DB= KHOJ4J_TEST_DB=khoj4j_chatbench "$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db >/dev/null
(cd "$KHOJ4J_ROOT" && mvn "${MVN_FLAGS[@]}" -q -DskipTests package >/dev/null)
bench_log="$(mktemp)"
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.ChatOverheadBench \
  "$stub_port" "http://127.0.0.1:42193" "${1:-100}" >"$bench_log" 2>&1 &
bench_pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$stub_port/v1/models" >/dev/null 2>&1 && break
  kill -0 "$bench_pid" 2>/dev/null || { cat "$bench_log"; die "the benchmark did not start"; }
  sleep 1
done
BENCH_KEEP_DB=1 OPENAI_BASE_URL="http://127.0.0.1:$stub_port/v1" OPENAI_API_KEY=sk-bench \
  KHOJ_DEFAULT_CHAT_MODEL=stub-model start_bench_server khoj4j_chatbench 42193
status=0; wait "$bench_pid" || status=$?
cat "$bench_log"
stop_bench_server
exit "$status"
