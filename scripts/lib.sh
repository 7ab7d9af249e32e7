# Shared helpers for the khoj4j scripts. Sourced, never executed.
# shellcheck shell=bash

KHOJ4J_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KHOJ4J_TOOLS="$KHOJ4J_ROOT/.tools"
# The Maven that setup.sh fetches into .tools/: quarkus:dev needs 3.9, and builds use it when the machine's is too old.
MAVEN39_VERSION=3.9.11
MAVEN39_HOME="$KHOJ4J_TOOLS/apache-maven-$MAVEN39_VERSION"

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
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    sudo -u postgres "$@"
  fi
}

APT_UPDATED=0
apt_update_once() {
  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get not found: on systems other than Debian/Ubuntu use docker/ (see README)"
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

# True when version $1 >= version $2 (dotted numbers).
version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

java_major() { # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

# Print a JAVA_HOME whose JDK is >= 21, preferring JAVA_HOME, then the newest under /usr/lib/jvm.
find_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -z "$candidate" ] || [ ! -x "$candidate/bin/javac" ]; then continue; fi
    major="$(java_major "$candidate/bin/java")"
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$candidate"; break; fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

# Finds a JDK >= 21, or installs the newest one the distribution offers (Ubuntu 22.04/24.04: openjdk-21).
ensure_jdk() {
  local home pkg
  home="$(find_jdk || true)"
  if [ -z "$home" ]; then
    apt_update_once
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if apt_has "$pkg"; then apt_install "$pkg"; break; fi
    done
    home="$(find_jdk || true)"
  fi
  if [ -z "$home" ]; then
    die "khoj4j needs a JDK 21 or newer. None was found (JAVA_HOME, /usr/lib/jvm), and the configured apt \
sources offer no openjdk-21-jdk-headless or openjdk-25-jdk-headless (Debian 12 ships only JDK 17). Install a JDK 21+ \
(for example Eclipse Temurin) and set JAVA_HOME to it, or use docker/."
  fi
  export JAVA_HOME="$home"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own Guava calls sun.misc.Unsafe; JDK 24+ warns about it on every run.
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}

# The Maven version a mvn binary reports ($1), e.g. 3.8.7.
maven_version() {
  "$1" --batch-mode --version 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk '/^Apache Maven/ {print $3; exit}'
}

# The lowest Maven the build accepts: the requireMavenVersion rule of the root pom.xml.
maven_minimum() {
  sed -n '/<requireMavenVersion>/,/<\/requireMavenVersion>/ s:.*<version>\[\{0,1\}\([0-9.]*\).*:\1:p' \
    "$KHOJ4J_ROOT/pom.xml" | head -n 1
}

# Print the mvn that builds khoj4j: the machine's when it meets the pom's minimum, else the one in .tools/.
# Needs ensure_jdk first (mvn --version runs on JAVA_HOME).
build_maven() {
  local minimum system_version=""
  minimum="$(maven_minimum)"
  [ -n "$minimum" ] || die "no requireMavenVersion rule found in $KHOJ4J_ROOT/pom.xml"
  if command -v mvn >/dev/null 2>&1; then
    system_version="$(maven_version mvn)"
    if [ -n "$system_version" ] && version_ge "$system_version" "$minimum"; then
      command -v mvn
      return 0
    fi
  fi
  if [ -x "$MAVEN39_HOME/bin/mvn" ]; then
    printf '%s\n' "$MAVEN39_HOME/bin/mvn"
    return 0
  fi
  die "khoj4j builds with Maven $minimum or newer; the machine has ${system_version:-none} and .tools/ holds no \
Maven $MAVEN39_VERSION. Run scripts/setup.sh, or put Apache Maven $minimum+ on PATH."
}

# Maven flags every script uses: batch mode, no download progress noise.
# shellcheck disable=SC2034 # used by the scripts that source this file
MVN_FLAGS=(-B -ntp)
