# shellcheck shell=sh
# Where iolab finds its JDK 25, written once: sourced by ./mvnw (POSIX sh, hence no bash here) and by
# launcher/common.sh (every ./iolab command). Order: JAVA_HOME when it is a JDK >= 25, else the javac on
# the PATH when it is one, else the newest under /usr/lib/jvm or /Library/Java/JavaVirtualMachines.
# Defines functions and variables only. IOLAB_JDK_DIRS overrides the searched folders (tests use it to
# show the message a machine without a JDK 25 gets).

IOLAB_MIN_JAVA=25
IOLAB_JDK_DIRS="${IOLAB_JDK_DIRS:-/usr/lib/jvm /Library/Java/JavaVirtualMachines}"

# iolab_java_major HOME: prints the feature version of the JDK at HOME, or nothing
iolab_java_major() {
  _ij_v=''
  [ -x "$1/bin/java" ] || return 0
  if [ -r "$1/release" ]; then
    _ij_v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")"
  fi
  if [ -z "$_ij_v" ]; then
    _ij_v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  _ij_v="${_ij_v#1.}"                          # 1.8 -> 8
  printf '%s' "${_ij_v%%[.+-]*}"
}

# iolab_is_jdk_ok HOME: a full JDK (javac present, Maven needs it) of at least IOLAB_MIN_JAVA
iolab_is_jdk_ok() {
  [ -x "$1/bin/javac" ] || return 1
  _ij_m="$(iolab_java_major "$1")"
  case "$_ij_m" in ''|*[!0-9]*) return 1 ;; esac
  [ "$_ij_m" -ge "$IOLAB_MIN_JAVA" ]
}

# iolab_find_java_home: prints the JDK >= 25 to use (see the order above), or fails printing nothing
iolab_find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && iolab_is_jdk_ok "$JAVA_HOME"; then
    printf '%s' "$JAVA_HOME"; return 0
  fi
  _ij_javac="$(command -v javac 2>/dev/null || true)"
  if [ -n "$_ij_javac" ]; then
    # /usr/bin/javac is usually a chain of links (Debian's alternatives): the JDK is where it ends
    _ij_home="$(readlink -f "$_ij_javac" 2>/dev/null || true)"
    _ij_home="${_ij_home%/bin/javac}"
    if [ -n "$_ij_home" ] && iolab_is_jdk_ok "$_ij_home"; then
      printf '%s' "$_ij_home"; return 0
    fi
  fi
  _ij_best='' _ij_best_major=0
  # mvnw runs with globbing off (set -f); the search needs it for this loop only
  case "$-" in *f*) _ij_noglob=1; set +f ;; *) _ij_noglob='' ;; esac
  for _ij_dir in $IOLAB_JDK_DIRS; do
    for _ij_home in "$_ij_dir"/* "$_ij_dir"/*/Contents/Home; do
      [ -d "$_ij_home" ] && [ ! -L "$_ij_home" ] || continue   # skip Debian's alias symlinks
      iolab_is_jdk_ok "$_ij_home" || continue
      _ij_m="$(iolab_java_major "$_ij_home")"
      if [ "$_ij_m" -gt "$_ij_best_major" ]; then _ij_best="$_ij_home" _ij_best_major="$_ij_m"; fi
    done
  done
  [ -n "$_ij_noglob" ] && set -f
  [ -n "$_ij_best" ] && printf '%s' "$_ij_best"
}

# iolab_missing_jdk_line: the one line that says what to install when there is no JDK 25
iolab_missing_jdk_line() {
  printf 'iolab needs a JDK %s or newer and found none (looked at JAVA_HOME, the PATH, %s): install Temurin %s (https://adoptium.net/temurin/releases/?version=%s; Debian/Ubuntu: apt-get install temurin-%s-jdk from the Adoptium apt repository; macOS: brew install --cask temurin@%s) or point JAVA_HOME at one\n' \
    "$IOLAB_MIN_JAVA" "$IOLAB_JDK_DIRS" "$IOLAB_MIN_JAVA" "$IOLAB_MIN_JAVA" "$IOLAB_MIN_JAVA" "$IOLAB_MIN_JAVA"
}
