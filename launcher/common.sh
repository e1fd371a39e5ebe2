# shellcheck shell=bash
# Shared by every launcher command: repo root, a JDK 25, build-on-first-use, the target registry, logging.
# Source it from a command script:  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# It defines functions and a few variables only; nothing runs until a command calls require_java.

[[ -n "${IOLAB_COMMON_LOADED:-}" ]] && return 0
IOLAB_COMMON_LOADED=1

IOLAB_ROOT="${IOLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
IOLAB_RUN_DIR="$IOLAB_ROOT/run"                 # pids, logs, default data dir; git-ignored
IOLAB_DEFAULT_DATA_DIR="$IOLAB_RUN_DIR/data"    # contract: DataDirectory.DEFAULT, anchored at the repo root
IOLAB_MIN_JAVA=25
export IOLAB_ROOT

# ---------------------------------------------------------------- logging (to stderr, stdout stays data)
if [[ -t 2 ]]; then
  _c_info=$'\e[1;34m' _c_warn=$'\e[1;33m' _c_err=$'\e[1;31m' _c_off=$'\e[0m'
else
  _c_info='' _c_warn='' _c_err='' _c_off=''
fi
info() { printf '%siolab:%s %s\n' "$_c_info" "$_c_off" "$*" >&2; }
warn() { printf '%siolab: warning:%s %s\n' "$_c_warn" "$_c_off" "$*" >&2; }
die()  { printf '%siolab: error:%s %s\n' "$_c_err" "$_c_off" "$*" >&2; exit 1; }
# usage_error MESSAGE: a wrong command line; exit 2 like getopt does
usage_error() { printf '%siolab: error:%s %s (see --help)\n' "$_c_err" "$_c_off" "$*" >&2; exit 2; }

# wants_help ARGS...: true when the arguments ask for help
wants_help() {
  local a
  for a in "$@"; do [[ "$a" == "-h" || "$a" == "--help" ]] && return 0; done
  return 1
}

# ---------------------------------------------------------------- JDK 25
# _java_major HOME: prints the feature version of the JDK at HOME, or nothing
_java_major() {
  local home="$1" v=''
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$v" ]]; then
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  v="${v#1.}"                               # 1.8 -> 8
  printf '%s' "${v%%[.+-]*}"
}

# _is_jdk_ok HOME: a full JDK (javac present, Maven needs it) of at least IOLAB_MIN_JAVA
_is_jdk_ok() {
  local major
  [[ -x "$1/bin/javac" ]] || return 1
  major="$(_java_major "$1")"
  [[ "$major" =~ ^[0-9]+$ ]] && (( major >= IOLAB_MIN_JAVA ))
}

# find_java_home: prints a JDK >= 25: JAVA_HOME, else the newest under /usr/lib/jvm, else macOS's
find_java_home() {
  if [[ -n "${JAVA_HOME:-}" ]] && _is_jdk_ok "$JAVA_HOME"; then
    printf '%s' "$JAVA_HOME"; return 0
  fi
  local best='' best_major=0 home major
  for home in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [[ -d "$home" && ! -L "$home" ]] || continue   # skip Debian's alias symlinks
    _is_jdk_ok "$home" || continue
    major="$(_java_major "$home")"
    if (( major > best_major )); then best="$home" best_major="$major"; fi
  done
  [[ -n "$best" ]] && printf '%s' "$best"
}

# require_java: sets and exports JAVA_HOME and JAVA, or explains what is missing and exits 1
require_java() {
  [[ -n "${JAVA:-}" ]] && return 0
  local home
  home="$(find_java_home || true)"
  if [[ -z "$home" ]]; then
    local seen="none"
    if [[ -n "${JAVA_HOME:-}" ]]; then
      seen="JAVA_HOME=$JAVA_HOME is Java $(_java_major "$JAVA_HOME" || true)"
      [[ -x "$JAVA_HOME/bin/javac" ]] || seen="$seen (not a JDK: no javac)"
    fi
    cat >&2 <<MSG
iolab: error: iolab needs a JDK $IOLAB_MIN_JAVA or newer, and none was found.
  looked at: JAVA_HOME ($seen), /usr/lib/jvm/*, /Library/Java/JavaVirtualMachines/*
  get one:   https://adoptium.net/temurin/releases/?version=$IOLAB_MIN_JAVA
             Debian/Ubuntu: add the Adoptium apt repository, then  apt-get install temurin-$IOLAB_MIN_JAVA-jdk
             macOS:         brew install --cask temurin@$IOLAB_MIN_JAVA
             SDKMAN:        sdk install java $IOLAB_MIN_JAVA-tem
  then:      export JAVA_HOME=/path/to/that/jdk   (Maven itself comes with ./mvnw)
MSG
    exit 1
  fi
  if [[ -n "${JAVA_HOME:-}" && "$JAVA_HOME" != "$home" ]]; then
    warn "JAVA_HOME=$JAVA_HOME is older than Java $IOLAB_MIN_JAVA; using $home"
  fi
  export JAVA_HOME="$home"
  export JAVA="$home/bin/java"
}

# ---------------------------------------------------------------- build on first use
# module_artifact MODULE: prints the file whose presence means MODULE is built
module_artifact() {
  case "$1" in
    contract)
      # the plain jar, whatever its finalName (contract.jar or contract-<version>.jar)
      local j
      for j in "$IOLAB_ROOT"/contract/target/contract.jar "$IOLAB_ROOT"/contract/target/contract-*.jar; do
        [[ -f "$j" && "$j" != *-sources.jar && "$j" != *-tests.jar && "$j" != *-javadoc.jar ]] \
          && { printf '%s' "$j"; return 0; }
      done
      printf '%s' "$IOLAB_ROOT/contract/target/contract.jar" ;;
    *) printf '%s' "$IOLAB_ROOT/$1/target/$1.jar" ;;
  esac
}

# is_built MODULE
is_built() { [[ -f "$(module_artifact "$1")" ]]; }

# ensure_built [MODULE...]: builds the missing ones (and what they need) with the Maven Wrapper, once.
# Without arguments: contract only (the registry). Tests are skipped: `./mvnw verify` runs them.
ensure_built() {
  local m missing=()
  (( $# )) || set -- contract
  for m in "$@"; do is_built "$m" || missing+=("$m"); done
  (( ${#missing[@]} )) || return 0
  require_java
  local list
  list="$(IFS=,; printf '%s' "${missing[*]}")"
  info "building ${missing[*]} (first use: jars missing; the first build downloads Maven and dependencies, a few minutes)"
  if ! (cd "$IOLAB_ROOT" && ./mvnw -q -B -ntp -DskipTests -pl "$list" -am package); then
    die "the build failed; run  ./mvnw -B -DskipTests -pl $list -am package  to see why"
  fi
  for m in "${missing[@]}"; do
    is_built "$m" || die "the build of $m succeeded but left no $(module_artifact "$m"): is the module implemented yet?"
  done
}

# ---------------------------------------------------------------- target registry (contract's TargetsCli)
# targets_cli ARGS...: runs dev.iolab.contract.TargetsCli (builds contract first if needed)
targets_cli() {
  require_java
  ensure_built contract
  "$JAVA" -cp "$(module_artifact contract)" dev.iolab.contract.TargetsCli "$@"
}

# target_list: one tab-separated line per target: id, module, built|not-built, default port, model
target_list() { targets_cli list "$IOLAB_ROOT"; }

# target_ids: the ids, one per line, in registry order
target_ids() { target_list | cut -f1; }

# target_info ID: sets TARGET_ID TARGET_MODULE TARGET_BUILT TARGET_PORT TARGET_MODEL, or fails listing known ids
target_info() {
  local id module built port model
  while IFS=$'\t' read -r id module built port model; do
    if [[ "$id" == "$1" ]]; then
      TARGET_ID="$id" TARGET_MODULE="$module" TARGET_BUILT="$built" TARGET_PORT="$port" TARGET_MODEL="$model"
      return 0
    fi
  done < <(target_list)
  die "unknown target '$1' (known: $(target_ids | paste -sd' ' -))"
}

# target_command ID PORT DATA_DIR: fills the array TARGET_CMD with the exact launch command from the registry
target_command() {
  mapfile -t TARGET_CMD < <(targets_cli command "$1" "$IOLAB_ROOT" "$2" "$3")
  (( ${#TARGET_CMD[@]} )) || die "the registry gave no command for $1"
}

# ---------------------------------------------------------------- small helpers
# abs_path PATH: absolute form of PATH (need not exist yet), relative to the caller's working directory
abs_path() { [[ "$1" == /* ]] && printf '%s' "$1" || printf '%s' "$PWD/$1"; }

# resolve_data_dir [EXPLICIT]: --data-dir, else $IOLAB_DATA_DIR, else run/data under the repo root
resolve_data_dir() {
  if [[ -n "${1:-}" ]]; then abs_path "$1"
  elif [[ -n "${IOLAB_DATA_DIR:-}" ]]; then abs_path "$IOLAB_DATA_DIR"
  else printf '%s' "$IOLAB_DEFAULT_DATA_DIR"
  fi
}

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# is_port NUMBER
is_port() { [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 && $1 <= 65535 )); }
