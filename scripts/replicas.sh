#!/usr/bin/env bash
# Two khoj4j servers on one database, as replicas behind a load balancer: http://127.0.0.1:42110 and :42111
# (KHOJ_PORT and KHOJ_PORT + 1), multi-user, one shared KHOJ_SECRET_KEY (generated into .khoj4j-replicas.key on first
# use). Ctrl-C stops both. Put any HTTP load balancer in front of the two ports; TwoServersPackagedIT tests the same
# set-up (shared sign-in and tokens, shared limits, jobs run once, rolling restart).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

"$KHOJ4J_ROOT/scripts/setup.sh"
ensure_jdk
MVN="$(build_maven)"
cd "$KHOJ4J_ROOT"
log "building (tests are run by scripts/test.sh)"
"$MVN" "${MVN_FLAGS[@]}" -q -DskipTests package
key_file="$KHOJ4J_ROOT/.khoj4j-replicas.key"
[ -f "$key_file" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$key_file")
export KHOJ_SECRET_KEY="${KHOJ_SECRET_KEY:-$(cat "$key_file")}"
export KHOJ_ANONYMOUS_MODE="${KHOJ_ANONYMOUS_MODE:-false}"
port="${KHOJ_PORT:-42110}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM
for replica in 0 1; do
  KHOJ_PORT=$((port + replica)) KHOJ_JOBS_REPLICA_NAME="replica-$replica" \
    java --enable-native-access=ALL-UNNAMED -jar bootstrap/target/quarkus-app/quarkus-run.jar &
  pids+=($!)
  log "replica $replica: http://${KHOJ_HOST:-127.0.0.1}:$((port + replica)) (pid $!)"
done
wait
