#!/usr/bin/env bash
# Live-reload development server (quarkus:dev needs Maven >= 3.9; setup.sh puts one in .tools/).
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh"
ensure_jdk
cd "$KHOJ4J_ROOT"
mvn "${MVN_FLAGS[@]}" -q -DskipTests install
export KHOJ_ANONYMOUS_MODE="${KHOJ_ANONYMOUS_MODE:-true}"
exec "$KHOJ4J_TOOLS"/apache-maven-*/bin/mvn "${MVN_FLAGS[@]}" -f bootstrap/pom.xml quarkus:dev \
  -Djvm.args="--enable-native-access=ALL-UNNAMED" "$@"
