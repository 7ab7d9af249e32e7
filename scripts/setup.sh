#!/usr/bin/env bash
# Installs what khoj4j needs on a Debian/Ubuntu machine and prepares its databases.
# Idempotent: every step checks before it acts, so running it again changes nothing.
#
#   JDK >= 21 (the distribution's openjdk-21/25 when none is present), Maven, PostgreSQL (started), pgvector
#   (the distribution's package, else built from its source package), Tesseract OCR, the role and databases named
#   by KHOJ4J_DB_* (dev, test, and the persistence adapter's tests: KHOJ4J_ADAPTER_TEST_DB, by default KHOJ4J_TEST_DB
#   + "_adapter") with the 'vector' extension in each, Chromium (the browser tests drive it), and
#   Apache Maven 3.9 in .tools/ (for
#   `quarkus:dev`, and for every build when the machine's Maven is older than the pom's minimum).
# Never prompts for a database password: psql runs with -w, over trusted TCP or peer authentication.
#
# Environment (defaults match the application's embedded configuration):
#   KHOJ4J_DB_USER=khoj4j KHOJ4J_DB_PASSWORD=khoj4j KHOJ4J_DB_NAME=khoj4j KHOJ4J_TEST_DB=khoj4j_test
#   (the password is set on every run, so a changed KHOJ4J_DB_PASSWORD applies to an existing role)
#   KHOJ4J_SKIP_OCR=1 skips Tesseract.
#   KHOJ4J_CHROMIUM=/path/to/chromium uses that browser for the browser tests instead of installing the distribution's.
# Options:
#   --fresh-test-db   drop and recreate the test database (scripts/test.sh uses it)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

DB_USER="${KHOJ4J_DB_USER:-khoj4j}"
DB_PASSWORD="${KHOJ4J_DB_PASSWORD:-khoj4j}"
DB_NAME="${KHOJ4J_DB_NAME:-khoj4j}"
TEST_DB="${KHOJ4J_TEST_DB:-khoj4j_test}"
# the persistence adapter's own tests: what they leave must not reach the application's tests (which would, for one,
# re-embed thousands of their made-up entries with the real model)
# (KHOJ4J_ADAPTER_TEST_DB names it; set empty, as the benchmarks do for their own databases, there is none)
ADAPTER_TEST_DB="${KHOJ4J_ADAPTER_TEST_DB-${TEST_DB}_adapter}"

# ---------------------------------------------------------------- PostgreSQL server
pg_major() { # major version of the newest installed server
  local bin
  for bin in /usr/lib/postgresql/*/bin/postgres; do
    if [ -x "$bin" ]; then basename "$(dirname "$(dirname "$bin")")"; fi
  done | sort -n | tail -n 1
}

ensure_postgres() {
  [ -n "$(pg_major)" ] || apt_install postgresql postgresql-contrib
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    local major attempt
    major="$(pg_major)"
    log "starting PostgreSQL $major"
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      [ -d "/etc/postgresql/$major/main" ] || as_root pg_createcluster "$major" main >/dev/null
      as_root pg_ctlcluster --skip-systemctl-redirect "$major" main start || as_root service postgresql start
    else
      as_root service postgresql start
    fi
    for attempt in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && break
      log "waiting for PostgreSQL ($attempt/30)"
      sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL did not start on 127.0.0.1:5432"
  fi
}

# psql as a superuser, never prompting for a password (-w): the 'postgres' role over TCP when the server trusts it,
# else peer authentication as the operating-system user 'postgres' over the local socket.
psql_admin() {
  if psql -w -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -w -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"
  else
    as_postgres psql -w -d postgres -v ON_ERROR_STOP=1 -q "$@"
  fi
}

# The major version of the server that actually answers on 5432.
running_pg_major() {
  local num
  num="$(psql_admin -tAc "show server_version_num")"
  [ -n "$num" ] || die "cannot ask PostgreSQL on 127.0.0.1:5432 for its version as a superuser"
  echo $((num / 10000))
}

# ---------------------------------------------------------------- pgvector
pgvector_installed() { [ -f "/usr/share/postgresql/$1/extension/vector.control" ]; }

# Debian's and Ubuntu's next release carries pgvector when the current one does not (bookworm -> trixie).
next_suite() {
  case "$1" in
    bullseye) echo bookworm ;; bookworm) echo trixie ;; trixie) echo forky ;;
    jammy) echo noble ;; *) echo "" ;;
  esac
}

# The machine's own 'deb' entries for its release suite, one per line: URIs <TAB> components <TAB> Signed-By.
# Read from both source formats (deb822 *.sources and one-line *.list); only archives of the distribution
# (paths ending in /debian, /ubuntu or /ubuntu-ports, signed by the distribution's archive keyring or by apt's
# trusted keys) count, so no host is ever written here.
release_entries() { # $1 = codename
  local codename="$1" file
  local -a sources=() lists=()
  for file in /etc/apt/sources.list.d/*.sources; do [ -f "$file" ] && sources+=("$file"); done
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do [ -f "$file" ] && lists+=("$file"); done
  {
    if [ "${#sources[@]}" -gt 0 ]; then
      awk -v want="$codename" '
        function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
        function flush(   n, i, s) {
          if (types ~ /(^| )deb( |$)/ && enabled != "no" && uris != "") {
            n = split(suites, s, /[ \t]+/)
            for (i = 1; i <= n; i++) if (s[i] == want) { print uris "\t" comps "\t" signed; break }
          }
          types = uris = suites = comps = signed = enabled = ""
        }
        FNR == 1 { flush() }
        /^[ \t]*$/ { flush(); next }
        /^[ \t]*#/ || /^[ \t]/ { next }
        {
          key = tolower($1); value = $0; sub(/^[^:]*:/, "", value); value = trim(value)
          if (key == "types:") types = value
          else if (key == "uris:") uris = value
          else if (key == "suites:") suites = value
          else if (key == "components:") comps = value
          else if (key == "signed-by:") signed = value
          else if (key == "enabled:") enabled = tolower(value)
        }
        END { flush() }' "${sources[@]}"
    fi
    if [ "${#lists[@]}" -gt 0 ]; then
      awk -v want="$codename" '
        $1 != "deb" { next }
        {
          i = 2; signed = ""
          if ($i ~ /^\[/) {
            for (; i <= NF; i++) {
              opt = $i; gsub(/[\[\]]/, "", opt)
              if (opt ~ /^signed-by=/) { sub(/^signed-by=/, "", opt); signed = opt }
              if ($i ~ /\]$/) { i++; break }
            }
          }
          uri = $i; suite = $(i + 1); comps = ""
          for (j = i + 2; j <= NF && $j !~ /^#/; j++) comps = comps (comps == "" ? "" : " ") $j
          if (suite == want) print uri "\t" comps "\t" signed
        }' "${lists[@]}"
    fi
  } | awk -F'\t' '$3 == "" || $3 ~ /(debian|ubuntu)-archive-keyring/ {
                    n = split($1, u, /[ \t]+/)
                    for (i = 1; i <= n; i++) if (u[i] ~ /\/(debian|ubuntu|ubuntu-ports)\/?$/) { print; break } }'
}

# Writes, as deb822, a 'deb-src' twin of every release entry, for the given suite, with the entry's own
# components (pgvector lives in Ubuntu's 'universe', Debian's 'main') and keyring.
write_source_entries() { # $1 = entries (release_entries output), $2 = suite
  local uris comps signed
  while IFS=$'\t' read -r uris comps signed; do
    [ -n "$uris" ] || continue
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n' "$uris" "$2" "${comps:-main}"
    # A keyring given inline (a multi-line key) cannot be repeated here; apt then uses its trusted keys.
    if [ -n "$signed" ]; then printf 'Signed-By: %s\n' "$signed"; fi
    printf '\n'
  done <<<"$1"
}

build_pgvector_from_source() {
  local major="$1" codename suite srcfile work entries
  local -a dscs
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  [ -n "$codename" ] || die "cannot build pgvector: /etc/os-release names no VERSION_CODENAME"
  entries="$(release_entries "$codename")"
  [ -n "$entries" ] || die "cannot build pgvector: no Debian/Ubuntu archive for '$codename' in the apt sources"
  apt_install "postgresql-server-dev-$major" build-essential dpkg-dev
  work="$(mktemp -d)"
  srcfile=/etc/apt/sources.list.d/khoj4j-pgvector-src.sources
  for suite in "$codename" "$(next_suite "$codename")"; do
    [ -n "$suite" ] || continue
    log "looking for the pgvector source package in '$suite'"
    write_source_entries "$entries" "$suite" | as_root tee "$srcfile" >/dev/null
    as_root apt-get update -qq -o Dir::Etc::sourcelist="$srcfile" -o Dir::Etc::sourceparts=- \
      -o APT::Get::List-Cleanup=0 >/dev/null 2>&1 || true
    if (cd "$work" && apt-get source --download-only -qq pgvector >/dev/null 2>&1); then break; fi
  done
  as_root rm -f "$srcfile"
  dscs=("$work"/pgvector_*.dsc)
  [ -f "${dscs[0]}" ] || die "pgvector source package not found in the distribution; use docker/ (pgvector image)"
  # apt verified these files against the distribution's signed index; the maintainer's own key is not installed.
  (cd "$work" && dpkg-source --no-check -x --skip-debianization "$(basename "${dscs[0]}")" src >/dev/null 2>&1)
  log "building pgvector $(basename "${dscs[0]}" .dsc | cut -d_ -f2) against PostgreSQL $major"
  make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" >/dev/null
  as_root make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" install >/dev/null
  rm -rf "$work"
}

ensure_pgvector() {
  local major
  major="$(running_pg_major)"
  pgvector_installed "$major" && return 0
  apt_update_once
  if apt_has "postgresql-$major-pgvector"; then
    apt_install "postgresql-$major-pgvector"
  else
    build_pgvector_from_source "$major"
  fi
  pgvector_installed "$major" || die "pgvector is still missing for PostgreSQL $major"
}

# ---------------------------------------------------------------- role and databases
sql_literal() { printf "'%s'" "${1//\'/\'\'}"; }
sql_ident() { printf '"%s"' "${1//\"/\"\"}"; }

ensure_database() { # $1 = database name
  local db="$1"
  if [ "$(psql_admin -tAc "select 1 from pg_database where datname = $(sql_literal "$db")")" != "1" ]; then
    log "creating database $db"
    psql_admin -c "create database $(sql_ident "$db") owner $(sql_ident "$DB_USER")"
  fi
  # pgvector is not a trusted extension: a superuser creates it once per database.
  psql_admin -d "$db" -c "create extension if not exists vector" 2>/dev/null \
    || as_postgres psql -w -q -d "$db" -c "create extension if not exists vector"
}

# Creates the role, or gives an existing one the password of KHOJ4J_DB_PASSWORD (so a changed password applies).
# The statement goes through stdin, keeping the password out of the process list.
ensure_role() {
  local verb=alter
  if [ "$(psql_admin -tAc "select 1 from pg_roles where rolname = $(sql_literal "$DB_USER")")" != "1" ]; then
    verb=create
    log "creating role $DB_USER"
  fi
  printf '%s role %s login password %s;\n' "$verb" "$(sql_ident "$DB_USER")" "$(sql_literal "$DB_PASSWORD")" \
    | psql_admin
}

ensure_role_and_databases() {
  ensure_role
  ensure_database "$DB_NAME"
  ensure_database "$TEST_DB"
  [ -z "$ADAPTER_TEST_DB" ] || ensure_database "$ADAPTER_TEST_DB"
}

# ---------------------------------------------------------------- OCR and tools
ensure_tesseract() {
  [ "${KHOJ4J_SKIP_OCR:-0}" = "1" ] && return 0
  command -v tesseract >/dev/null 2>&1 || apt_install tesseract-ocr tesseract-ocr-eng
}

# The browser tests (Playwright for Java) drive the distribution's Chromium; nothing downloads a browser.
# Debian names the package 'chromium'; Ubuntu's 'chromium-browser' is a snap stub, so Ubuntu needs KHOJ4J_CHROMIUM.
ensure_chromium() {
  if [ -n "${KHOJ4J_CHROMIUM:-}" ]; then
    [ -x "$KHOJ4J_CHROMIUM" ] || die "KHOJ4J_CHROMIUM=$KHOJ4J_CHROMIUM is not an executable"
    return 0
  fi
  [ -x /usr/bin/chromium ] && return 0
  apt_update_once
  apt_has chromium || die "no 'chromium' package here; install Chromium and set KHOJ4J_CHROMIUM to its path"
  apt_install chromium
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

# Apache Maven 3.9 in .tools/, fetched as an ordinary artifact through the machine's Maven and its configured
# repositories. quarkus:dev always uses it; builds use it when the machine's Maven is older than the pom's minimum
# (Ubuntu 22.04 ships 3.6.3). maven-dependency-plugin 3.8.1 itself runs on Maven 3.6.3 and newer.
ensure_maven39() {
  [ -x "$MAVEN39_HOME/bin/mvn" ] && return 0
  local system_version
  system_version="$(maven_version mvn)"
  if [ -z "$system_version" ] || ! version_ge "$system_version" 3.6.3; then
    die "the machine's Maven (${system_version:-unknown}) cannot fetch Maven $MAVEN39_VERSION (that needs 3.6.3+). \
Unpack apache-maven-$MAVEN39_VERSION-bin.zip into $KHOJ4J_TOOLS/, or put Apache Maven $(maven_minimum)+ on PATH."
  fi
  mkdir -p "$KHOJ4J_TOOLS"
  log "fetching Apache Maven $MAVEN39_VERSION into .tools/ with Maven $system_version"
  local output
  # Run from .tools/, outside the project: an old Maven must not try to read khoj4j's pom.xml.
  if ! output="$(cd "$KHOJ4J_TOOLS" && mvn "${MVN_FLAGS[@]}" -q \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.apache.maven:apache-maven:$MAVEN39_VERSION:zip:bin" -DoutputDirectory="$KHOJ4J_TOOLS" 2>&1)"; then
    printf '%s\n' "$output" >&2
    die "could not fetch org.apache.maven:apache-maven:$MAVEN39_VERSION through Maven's configured repositories"
  fi
  (cd "$KHOJ4J_TOOLS" && unzip -q -o "apache-maven-$MAVEN39_VERSION-bin.zip" \
    && rm -f "apache-maven-$MAVEN39_VERSION-bin.zip")
  [ -x "$MAVEN39_HOME/bin/mvn" ] || die "Maven $MAVEN39_VERSION did not unpack into $MAVEN39_HOME"
}

# Drops and recreates the test databases so every suite run starts from the migrations alone.
fresh_test_database() {
  local db
  for db in "$TEST_DB" ${ADAPTER_TEST_DB:+"$ADAPTER_TEST_DB"}; do
    log "recreating test database $db"
    psql_admin -c "drop database if exists $(sql_ident "$db") with (force)"
    ensure_database "$db"
  done
}

# The read-replica test (ReadReplicaIT) copies the local cluster with pg_basebackup, which connects for replication.
# Only on a server that already trusts 127.0.0.1 for every database (this project's local test set-up) is the same
# trust given to replication from 127.0.0.1; a server with passwords is left as it is (the test then says why it
# cannot run).
ensure_local_replication() {
  local hba
  hba="$(psql_admin -tAc "show hba_file")"
  [ -n "$hba" ] && [ -f "$hba" ] && [ -w "$hba" ] || return 0
  grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" && return 0
  grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" || return 0
  log "allowing local replication connections (for the read-replica test) in $hba"
  printf 'host replication all 127.0.0.1/32 trust\n' >>"$hba"
  psql_admin -c "select pg_reload_conf()" >/dev/null
}

main() {
  local fresh_test_db=0
  for arg in "$@"; do
    case "$arg" in
      --fresh-test-db) fresh_test_db=1 ;;
      *) die "unknown option: $arg (only --fresh-test-db)" ;;
    esac
  done
  command -v unzip >/dev/null 2>&1 || apt_install unzip
  ensure_jdk
  ensure_maven
  ensure_postgres
  ensure_pgvector
  ensure_role_and_databases
  [ "$fresh_test_db" -eq 1 ] && fresh_test_database && ensure_local_replication
  ensure_tesseract
  ensure_chromium
  ensure_maven39
  log "ready: JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME, builds with $(build_maven)"
  log "ready: PostgreSQL $(running_pg_major) with pgvector, role $DB_USER, databases $DB_NAME, $TEST_DB${ADAPTER_TEST_DB:+ and $ADAPTER_TEST_DB}"
}

main "$@"
