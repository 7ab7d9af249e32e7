#!/usr/bin/env bash
# README command (2): run the whole test suite, installing whatever it needs first.
# Unit tests, contract tests, and integration tests against a fresh PostgreSQL + pgvector test database.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl application
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db
ensure_jdk
MVN="$(build_maven)"
cd "$KHOJ4J_ROOT"
# -T 1C: the four adapter modules build and test side by side (one thread per core); bootstrap waits for them all
"$MVN" "${MVN_FLAGS[@]}" -T 1C verify "$@"
