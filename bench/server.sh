# Sourced by benchmark scripts: starts the packaged server on a fresh database of its own, in single-user mode
# (BENCH_KEEP_DB=1 keeps the database an earlier run left, when there is one).
#   start_bench_server <database> <port>  -> sets BENCH_PID, BENCH_URL, BENCH_JDBC; stop_bench_server stops it.
# shellcheck shell=bash
start_bench_server() {
  local db="$1" port="$2"
  if [ "${BENCH_KEEP_DB:-0}" = "1" ] \
      && ! as_postgres psql -qAt -d postgres -c "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    log "BENCH_KEEP_DB=1 but database $db does not exist yet: seeding a fresh one"
    BENCH_KEEP_DB=0
  fi
  if [ "${BENCH_KEEP_DB:-0}" != "1" ]; then
    KHOJ4J_ADAPTER_TEST_DB= KHOJ4J_TEST_DB="$db" "$KHOJ4J_ROOT/scripts/setup.sh" --fresh-test-db >/dev/null
    (cd "$KHOJ4J_ROOT" && mvn "${MVN_FLAGS[@]}" -q -DskipTests package >/dev/null)
  fi
  BENCH_JDBC="jdbc:postgresql://localhost:5432/$db"
  BENCH_URL="http://127.0.0.1:$port"
  BENCH_LOG="$(mktemp)"
  QUARKUS_DATASOURCE_JDBC_URL="$BENCH_JDBC" KHOJ_ANONYMOUS_MODE=true KHOJ_PORT="$port" \
    java --enable-native-access=ALL-UNNAMED ${BENCH_SERVER_OPTS:-} \
    -jar "$KHOJ4J_ROOT/bootstrap/target/quarkus-app/quarkus-run.jar" >"$BENCH_LOG" 2>&1 &
  BENCH_PID=$!
  local i
  for i in $(seq 1 120); do
    curl -sf "$BENCH_URL/api/health" >/dev/null 2>&1 && break
    kill -0 "$BENCH_PID" 2>/dev/null || { cat "$BENCH_LOG"; die "the server did not start"; }
    sleep 1
  done
  log "server pid $BENCH_PID on $BENCH_URL (database $db, log $BENCH_LOG)"
  trap stop_bench_server EXIT INT TERM
}

stop_bench_server() {
  if [ -n "${BENCH_PID:-}" ]; then
    kill "$BENCH_PID" 2>/dev/null || true
    local i; for i in $(seq 1 30); do kill -0 "$BENCH_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$BENCH_PID" 2>/dev/null || true
  fi
  BENCH_PID=""
}

shared_data() { # prints the path of ../shared/data/<sub> or fails with a clear message
  local dir="${KHOJ4J_SHARED_DATA:-$KHOJ4J_ROOT/../shared/data}/$1"
  [ -d "$dir" ] || die "$dir is absent: this benchmark needs the shared data set (set KHOJ4J_SHARED_DATA)"
  (cd "$dir" && pwd)
}
