#!/usr/bin/env bash
# Runs a benchmark main class from a module's test classpath: bench/java.sh <module> <main class> [args...]
# Compiles what is needed first (no tests run). Uses the JDK that scripts/setup.sh finds.
set -euo pipefail
# shellcheck source=../scripts/lib.sh
. "$(dirname "$0")/../scripts/lib.sh"
ensure_jdk
module="$1"; main="$2"; shift 2
cd "$KHOJ4J_ROOT"
cp_file="$(mktemp)"
mvn "${MVN_FLAGS[@]}" -q -pl "$module" -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
classpath="$module/target/test-classes:$module/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java --enable-native-access=ALL-UNNAMED -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$classpath" "$main" "$@"
