#!/usr/bin/env bash
# summary: run one target in the foreground (Ctrl-C or SIGTERM stops it gracefully)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab run <target> [--port N] [--data-dir DIR]

Starts one target in the foreground with exactly the command the registry gives
(dev.iolab.contract.Target.command), building its module first if its jar is missing.
  <target>        a target id, see ./iolab targets
  --port N        port to listen on (default: the target's default port, see ./iolab targets)
  --data-dir DIR  files served by /files (default: \$IOLAB_DATA_DIR, else run/data in the repo);
                  created and filled with the fixture files when empty
Environment:
  IOLAB_DATA_DIR   default data directory
  IOLAB_JAVA_OPTS  extra JVM options, added after the registry's own (e.g. "-Xmx512m -XX:+UseZGC")
The java process replaces this script, so Ctrl-C / SIGTERM reach it directly: it stops gracefully
(readiness 503, in-flight requests complete, exit 0).
Example:  ./iolab run mvc-virtual   then   curl 'localhost:8082/echo?msg=hello'
USAGE
}

target='' port='' data_dir=''
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --port) (( $# >= 2 )) || usage_error "--port needs a value"; port="$2"; shift ;;
    --port=*) port="${1#*=}" ;;
    --data-dir) (( $# >= 2 )) || usage_error "--data-dir needs a value"; data_dir="$2"; shift ;;
    --data-dir=*) data_dir="${1#*=}" ;;
    -*) usage_error "unknown option: $1" ;;
    *) [[ -z "$target" ]] || usage_error "one target at a time (got $target and $1)"; target="$1" ;;
  esac
  shift
done
[[ -n "$target" ]] || usage_error "which target? (./iolab targets lists them)"

require_java
ensure_built contract
target_info "$target"
port="${port:-$TARGET_PORT}"
is_port "$port" || usage_error "--port must be a number from 1 to 65535, not '$port'"
port_in_use "$port" && die "port $port is already in use; pick another with --port N"
data_dir="$(resolve_data_dir "$data_dir")"
mkdir -p "$data_dir"

ensure_built "$TARGET_MODULE"
target_command "$TARGET_ID" "$port" "$data_dir"
cmd=("${TARGET_CMD[0]}")
if [[ -n "${IOLAB_JAVA_OPTS:-}" ]]; then
  read -r -a extra <<<"$IOLAB_JAVA_OPTS"
  cmd+=("${extra[@]}")
fi
cmd+=("${TARGET_CMD[@]:1}")

info "$TARGET_ID: $TARGET_MODEL"
info "starting on http://localhost:$port, data dir $data_dir (Ctrl-C stops it)"
info "try: curl 'localhost:$port/echo?msg=hello'"
info "exec ${cmd[*]}"
exec "${cmd[@]}"
