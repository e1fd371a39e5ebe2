# shellcheck shell=bash
# Shared by every launcher command: repo root, a JDK 25, build-on-first-use, the target registry, logging.
# Source it from a command script:  source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# It defines functions and a few variables only; nothing runs until a command calls require_java.

[[ -n "${IOLAB_COMMON_LOADED:-}" ]] && return 0
IOLAB_COMMON_LOADED=1

IOLAB_ROOT="${IOLAB_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
IOLAB_RUN_DIR="$IOLAB_ROOT/run"                 # pids, logs, default data dir; git-ignored
IOLAB_DEFAULT_DATA_DIR="$IOLAB_RUN_DIR/data"    # contract: DataDirectory.DEFAULT, anchored at the repo root
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
# The discovery itself is launcher/_java.sh, shared with ./mvnw: iolab_java_major, iolab_is_jdk_ok,
# iolab_find_java_home, iolab_missing_jdk_line, IOLAB_MIN_JAVA.
# shellcheck source=_java.sh
source "$(dirname "${BASH_SOURCE[0]}")/_java.sh"

# find_java_home: prints a JDK >= 25: JAVA_HOME, else the PATH's javac, else the newest under /usr/lib/jvm or macOS's
find_java_home() { iolab_find_java_home; }

# require_java: sets and exports JAVA_HOME and JAVA, or says in one line what to install and exits 1
require_java() {
  [[ -n "${JAVA:-}" ]] && return 0
  local home
  home="$(find_java_home || true)"
  if [[ -z "$home" ]]; then
    if [[ -n "${JAVA_HOME:-}" ]]; then
      local why="Java $(iolab_java_major "$JAVA_HOME" || true)"
      [[ -x "$JAVA_HOME/bin/javac" ]] || why="$why, not a JDK: no javac"
      warn "JAVA_HOME=$JAVA_HOME does not qualify ($why)"
    fi
    printf '%siolab: error:%s %s\n' "$_c_err" "$_c_off" "$(iolab_missing_jdk_line)" >&2
    exit 1
  fi
  if [[ -n "${JAVA_HOME:-}" && "$JAVA_HOME" != "$home" ]]; then
    warn "JAVA_HOME=$JAVA_HOME is not a JDK $IOLAB_MIN_JAVA or newer; using $home"
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

# built_target_modules: the modules of every built target, one per line (all target modules when none is built yet)
built_target_modules() {
  local built
  built="$(target_list | awk -F'\t' '$3 == "built" { print $2 }')"
  [[ -n "$built" ]] && printf '%s\n' "$built" || target_list | cut -f2
}

# add_target_modules IDS: appends the module of each comma-separated target id to the caller's array `modules`
# (in this shell, so an unknown id stops the command with the list of known ones)
add_target_modules() {
  local ids id
  IFS=, read -r -a ids <<<"$1"
  for id in "${ids[@]}"; do target_info "$id"; modules+=("$TARGET_MODULE"); done
}

# raise_open_files: the soft open-files limit up to the hard one (c10k and attack runs hold thousands of sockets,
# and the targets launched from here inherit it); warns where the system does not let us
raise_open_files() {
  local hard
  hard="$(ulimit -Hn)"
  if [[ "$hard" != unlimited ]] && (( $(ulimit -Sn) < hard )); then
    ulimit -Sn "$hard" 2>/dev/null || warn "could not raise the open-files limit to $hard (ulimit -n is $(ulimit -Sn))"
  fi
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
