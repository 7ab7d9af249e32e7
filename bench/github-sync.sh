#!/usr/bin/env bash
# First sync and unchanged re-sync of a stubbed GitHub repository (default 2,000 files) through the server's routes.
# A local WireMock on 127.0.0.1 replays GitHub's tree and raw-blob answers; nothing leaves the machine.
#   bench/github-sync.sh [files=2000]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
stub_port=42193
export KHOJ_CONNECTORS_GITHUB_API_URL="http://127.0.0.1:$stub_port"
export KHOJ_JOBS_ENABLED=false
start_bench_server khoj4j_bench_github 42192
"$KHOJ4J_ROOT/bench/java.sh" bootstrap io.khoj4j.bootstrap.bench.GithubSyncBench "$BENCH_URL" "$stub_port" "${1:-2000}"
grep -E "github sync for user" "$BENCH_LOG" | tail -3 || true
