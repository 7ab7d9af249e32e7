#!/usr/bin/env bash
# The web client's page weight (bytes a fresh browser receives per page) and its time from send to first answer token
# against a stub model that answers at once, beside the same turn sent to POST /api/chat directly (WebClientBenchIT,
# headless Chromium from the distribution).
#   bench/web.sh [report file=bootstrap/target/web-bench.md]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
ensure_jdk
MVN="$(build_maven)"
report="$(realpath -m "${1:-$KHOJ4J_ROOT/bootstrap/target/web-bench.md}")"
"$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db >/dev/null
cd "$KHOJ4J_ROOT"
"$MVN" "${MVN_FLAGS[@]}" -q install -DskipTests -pl bootstrap -am >/dev/null
"$MVN" "${MVN_FLAGS[@]}" -q verify -pl bootstrap -Dtest=WebClientBenchIT \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dkhoj4j.bench.web="$report" >/dev/null
cat "$report"
