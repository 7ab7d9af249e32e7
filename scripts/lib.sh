# Shared helpers for the khoj4j scripts. Sourced, never executed.
# shellcheck shell=bash

KHOJ4J_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KHOJ4J_TOOLS="$KHOJ4J_ROOT/.tools"

log() { printf '\033[1;34m[khoj4j]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[khoj4j] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "'$*' needs root and sudo is not installed; run this script as root"
  fi
}

# Run a command as the operating-system user 'postgres'.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    sudo -u postgres "$@"
  fi
}

APT_UPDATED=0
apt_update_once() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: on systems other than Debian/Ubuntu use docker/ (see README)"
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
}

apt_install() {
  apt_update_once
  log "installing: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# True when apt knows an installable candidate for the package.
apt_has() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

java_major() { # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Print a JAVA_HOME whose JDK is >= 21, preferring JAVA_HOME, then the newest under /usr/lib/jvm.
find_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(java_major "$candidate/bin/java")"
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$candidate"; break; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

ensure_jdk() {
  local home
  home="$(find_jdk || true)"
  if [ -z "$home" ]; then
    local pkg
    apt_update_once
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if apt_has "$pkg"; then apt_install "$pkg"; break; fi
    done
    home="$(find_jdk || true)"
  fi
  [ -n "$home" ] || die "khoj4j needs a JDK 21 or newer. None was found (JAVA_HOME, /usr/lib/jvm) and this distribution offers no openjdk-21/25 package. Install one (e.g. Temurin 21+) and set JAVA_HOME."
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  fi
}

ensure_maven() {
  command -v mvn >/dev/null 2>&1 || apt_install maven
}

# Maven flags every script uses: batch mode, no download progress noise.
MVN_FLAGS=(-B -ntp)
