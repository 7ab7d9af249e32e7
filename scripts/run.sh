#!/usr/bin/env bash
# README command (1): install what is missing, build, and run khoj4j on its embedded defaults:
# local PostgreSQL, the in-process embedding model, single-user mode (no login needed) on http://127.0.0.1:42110.
# Any setting can be changed through the environment (docs/configuration.md), e.g. KHOJ_ANONYMOUS_MODE=false.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh"
ensure_jdk
MVN="$(build_maven)"
cd "$KHOJ4J_ROOT"
log "building (tests are run by scripts/test.sh)"
"$MVN" "${MVN_FLAGS[@]}" -q -DskipTests package
export KHOJ_ANONYMOUS_MODE="${KHOJ_ANONYMOUS_MODE:-true}"
log "starting khoj4j on http://${KHOJ_HOST:-127.0.0.1}:${KHOJ_PORT:-42110} (single-user mode: $KHOJ_ANONYMOUS_MODE)"
# KHOJ4J_JAVA_OPTS: extra JVM options, separated by spaces (e.g. "-Xmx2g -Dquarkus.log.level=DEBUG").
read -r -a java_opts <<<"${KHOJ4J_JAVA_OPTS:-}"
exec java --enable-native-access=ALL-UNNAMED "${java_opts[@]}" -jar bootstrap/target/quarkus-app/quarkus-run.jar "$@"
