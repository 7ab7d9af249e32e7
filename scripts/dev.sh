#!/usr/bin/env bash
# Live-reload development server. quarkus:dev needs Maven >= 3.9: it always runs with the one setup.sh puts in
# .tools/ (the version pinned in lib.sh, whatever other versions .tools/ may also hold).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh"
ensure_jdk
cd "$KHOJ4J_ROOT"
MVN="$MAVEN39_HOME/bin/mvn"
[ -x "$MVN" ] || die "$MVN is missing; scripts/setup.sh fetches it"
"$MVN" "${MVN_FLAGS[@]}" -q -DskipTests install
export KHOJ_ANONYMOUS_MODE="${KHOJ_ANONYMOUS_MODE:-true}"
exec "$MVN" "${MVN_FLAGS[@]}" -f bootstrap/pom.xml quarkus:dev -Djvm.args="--enable-native-access=ALL-UNNAMED" "$@"
