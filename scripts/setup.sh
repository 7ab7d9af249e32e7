#!/usr/bin/env bash
# Installs what khoj4j needs on a Debian/Ubuntu machine and prepares its databases.
# Idempotent: every step checks before it acts, so running it again changes nothing.
#
#   JDK >= 21, Maven, PostgreSQL (started), pgvector, Tesseract OCR,
#   the role and databases named by KHOJ4J_DB_* (dev and test), the 'vector' extension in each,
#   and Apache Maven 3.9 in .tools/ for `quarkus:dev`.
#
# Environment (defaults match the application's embedded configuration):
#   KHOJ4J_DB_USER=khoj4j KHOJ4J_DB_PASSWORD=khoj4j KHOJ4J_DB_NAME=khoj4j KHOJ4J_TEST_DB=khoj4j_test
#   KHOJ4J_SKIP_OCR=1 skips Tesseract.
# Options:
#   --fresh-test-db   drop and recreate the test database (scripts/test.sh uses it)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

DB_USER="${KHOJ4J_DB_USER:-khoj4j}"
DB_PASSWORD="${KHOJ4J_DB_PASSWORD:-khoj4j}"
DB_NAME="${KHOJ4J_DB_NAME:-khoj4j}"
TEST_DB="${KHOJ4J_TEST_DB:-khoj4j_test}"
MAVEN39_VERSION=3.9.11

# ---------------------------------------------------------------- PostgreSQL server
pg_major() { # major version of the newest installed server
  ls -1 /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1
}

ensure_postgres() {
  if [ -z "$(pg_major)" ] || [ ! -x "/usr/lib/postgresql/$(pg_major)/bin/postgres" ]; then
    apt_install postgresql postgresql-contrib
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    local major; major="$(pg_major)"
    log "starting PostgreSQL $major"
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      [ -d "/etc/postgresql/$major/main" ] || as_root pg_createcluster "$major" main >/dev/null
      as_root pg_ctlcluster --skip-systemctl-redirect "$major" main start || as_root service postgresql start
    else
      as_root service postgresql start
    fi
    local i; for i in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL did not start on 127.0.0.1:5432"
  fi
}

# The major version of the server that actually answers on 5432.
running_pg_major() {
  psql_admin -tAc "show server_version_num" | cut -c1-2
}

# psql as a superuser: the 'postgres' role over TCP when that works (trust), else peer auth as the OS user.
psql_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q "$@"
  else
    as_postgres psql -d postgres -v ON_ERROR_STOP=1 -q "$@"
  fi
}

# ---------------------------------------------------------------- pgvector
pgvector_installed() { [ -f "/usr/share/postgresql/$1/extension/vector.control" ]; }

# Debian's next release carries pgvector when the current one does not (e.g. bookworm -> trixie).
next_suite() {
  case "$1" in
    bullseye) echo bookworm ;; bookworm) echo trixie ;; trixie) echo forky ;;
    jammy) echo noble ;; *) echo "" ;;
  esac
}

# URIs the machine already uses for its distribution (never a host written here).
distribution_uris() {
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{for (i=2;i<=NF;i++) print $i}'
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -E '^deb ' | awk '{for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; break}}'
  } | grep -E '/(debian|ubuntu)/?$' | grep -v -- '-security' | sort -u || true
}

build_pgvector_from_source() {
  local major="$1" codename suite srcfile work uris keyring
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  uris="$(distribution_uris | tr '\n' ' ')"
  keyring="$(grep -hE '^Signed-By:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -E '(debian|ubuntu)-archive-keyring' | head -n 1 || true)"
  [ -n "$uris" ] || die "cannot build pgvector: no distribution URIs found in the apt sources"
  apt_install "postgresql-server-dev-$major" build-essential dpkg-dev
  work="$(mktemp -d)"
  srcfile=/etc/apt/sources.list.d/khoj4j-pgvector-src.sources
  for suite in "$codename" "$(next_suite "$codename")"; do
    [ -n "$suite" ] || continue
    log "looking for the pgvector source package in '$suite'"
    { printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\n' "$uris" "$suite"
      [ -n "$keyring" ] && printf 'Signed-By: %s\n' "$keyring"
    } | as_root tee "$srcfile" >/dev/null
    as_root apt-get update -qq -o Dir::Etc::sourcelist="$srcfile" -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >/dev/null 2>&1 || true
    if (cd "$work" && apt-get source --download-only -qq pgvector >/dev/null 2>&1); then break; fi
  done
  as_root rm -f "$srcfile"
  local dsc; dsc="$(ls "$work"/pgvector_*.dsc 2>/dev/null | head -n 1)"
  [ -n "$dsc" ] || die "pgvector source package not found in the distribution; use docker/ (pgvector image) instead"
  # apt verified these files against the distribution's signed index; the maintainer's own key is not installed.
  (cd "$work" && dpkg-source --no-check -x --skip-debianization "$(basename "$dsc")" src >/dev/null 2>&1)
  log "building pgvector $(basename "$dsc" .dsc | cut -d_ -f2) against PostgreSQL $major"
  make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" >/dev/null
  as_root make -s -C "$work/src" PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config" install >/dev/null
  rm -rf "$work"
}

ensure_pgvector() {
  local major; major="$(running_pg_major)"
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

ensure_database() { # $1 = database name
  local db="$1"
  if [ "$(psql_admin -tAc "select 1 from pg_database where datname = $(sql_literal "$db")")" != "1" ]; then
    log "creating database $db"
    psql_admin -c "create database \"$db\" owner \"$DB_USER\""
  fi
  # pgvector is not a trusted extension: a superuser creates it once per database.
  psql_admin -d "$db" -c "create extension if not exists vector" 2>/dev/null \
    || as_postgres psql -q -d "$db" -c "create extension if not exists vector"
}

ensure_role_and_databases() {
  if [ "$(psql_admin -tAc "select 1 from pg_roles where rolname = $(sql_literal "$DB_USER")")" != "1" ]; then
    log "creating role $DB_USER"
    psql_admin -c "create role \"$DB_USER\" login password $(sql_literal "$DB_PASSWORD")"
  fi
  ensure_database "$DB_NAME"
  ensure_database "$TEST_DB"
}

# ---------------------------------------------------------------- OCR and tools
ensure_tesseract() {
  [ "${KHOJ4J_SKIP_OCR:-0}" = "1" ] && return 0
  command -v tesseract >/dev/null 2>&1 || apt_install tesseract-ocr tesseract-ocr-eng
}

# Apache Maven 3.9 for `quarkus:dev`, fetched as an ordinary artifact through the installed Maven.
ensure_maven39() {
  local dir="$KHOJ4J_TOOLS/apache-maven-$MAVEN39_VERSION"
  [ -x "$dir/bin/mvn" ] && return 0
  mkdir -p "$KHOJ4J_TOOLS"
  log "fetching Apache Maven $MAVEN39_VERSION into .tools/ (for quarkus:dev)"
  mvn "${MVN_FLAGS[@]}" -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.apache.maven:apache-maven:$MAVEN39_VERSION:zip:bin" -DoutputDirectory="$KHOJ4J_TOOLS" >/dev/null
  (cd "$KHOJ4J_TOOLS" && unzip -q -o "apache-maven-$MAVEN39_VERSION-bin.zip" && rm -f "apache-maven-$MAVEN39_VERSION-bin.zip")
}

# Drops and recreates the test database so every suite run starts from the migrations alone.
fresh_test_database() {
  log "recreating test database $TEST_DB"
  psql_admin -c "drop database if exists \"$TEST_DB\" with (force)"
  ensure_database "$TEST_DB"
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
  [ "$fresh_test_db" -eq 1 ] && fresh_test_database
  ensure_tesseract
  ensure_maven39
  log "ready: JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME, PostgreSQL $(running_pg_major) with pgvector, databases $DB_NAME and $TEST_DB"
}

main "$@"
