#!/usr/bin/env bash
# README command (2): run the whole test suite, installing whatever it needs first.
# Unit tests, contract tests, and integration tests against a fresh PostgreSQL + pgvector test database.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl application
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db
ensure_jdk
cd "$KHOJ4J_ROOT"
mvn "${MVN_FLAGS[@]}" verify "$@"
