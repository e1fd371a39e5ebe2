#!/usr/bin/env bash
# summary: start targets and the gateway in the background on their fixed ports (stop with ./iolab down)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/_procs.sh"
source "$(dirname "${BASH_SOURCE[0]}")/_monitoring.sh"

usage() {
  cat <<USAGE
usage: ./iolab up [--monitoring] [--data-dir DIR] [--timeout SECONDS] [target...]

Starts the chosen targets, each on its fixed port (./iolab targets lists them), and the gateway in
front of them (port 8080: /<target-id>/... goes to that target), all in the background, then waits
until each answers its readiness probe and prints a table.
  target...          target ids (default: every target whose jar is built; when none is, builds all)
  --data-dir DIR     files every target serves (default: \$IOLAB_DATA_DIR, else run/data in the repo);
                     created and filled with the fixture files when empty
  --timeout SECONDS  how long to wait for each process to become ready (default: 120)
  --monitoring       also Prometheus on :9090 scraping all of them (Debian's binary, else its container)
                     and Grafana on :3000 with iolab's dashboards (a container; where its image cannot be
                     pulled, prints the command instead)
Logs: run/logs/<id>.log. PIDs: run/pids/<id>.pid. ./iolab status shows them, ./iolab down stops
exactly these processes. Environment: IOLAB_JAVA_OPTS adds JVM options to every process.
Example:  ./iolab up webflux-epoll mvc-virtual && curl 'localhost:8080/webflux-epoll/echo?msg=hi'
USAGE
}

data_dir='' timeout=120 wanted=() monitoring=0
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --monitoring) monitoring=1 ;;
    --data-dir) (( $# >= 2 )) || usage_error "--data-dir needs a value"; data_dir="$2"; shift ;;
    --data-dir=*) data_dir="${1#*=}" ;;
    --timeout) (( $# >= 2 )) || usage_error "--timeout needs a value"; timeout="$2"; shift ;;
    --timeout=*) timeout="${1#*=}" ;;
    -*) usage_error "unknown option: $1" ;;
    *) wanted+=("$1") ;;
  esac
  shift
done
[[ "$timeout" =~ ^[0-9]+$ ]] || usage_error "--timeout must be a whole number of seconds, not '$timeout'"
command -v curl >/dev/null || die "curl is needed to wait for readiness (apt-get install curl)"

require_java
ensure_built contract
data_dir="$(resolve_data_dir "$data_dir")"
mkdir -p "$data_dir" "$IOLAB_PID_DIR" "$IOLAB_LOG_DIR"

# ---- which targets: the ones named, else every built one (else build them all)
if (( ${#wanted[@]} == 0 )); then
  mapfile -t wanted < <(target_list | awk -F'\t' '$3 == "built" { print $1 }')
  if (( ${#wanted[@]} == 0 )); then
    ensure_built $(target_list | cut -f2 | sort -u)
    mapfile -t wanted < <(target_ids)
  fi
fi
modules=()
for id in "${wanted[@]}"; do target_info "$id"; modules+=("$TARGET_MODULE"); done
ensure_built $(printf '%s\n' "${modules[@]}" gateway | sort -u)

extra_opts=()
[[ -n "${IOLAB_JAVA_OPTS:-}" ]] && read -r -a extra_opts <<<"$IOLAB_JAVA_OPTS"

# start ID JAR URL CMD...: starts CMD in its own session (a closing terminal does not stop it), records it
start() {
  local id="$1" jar="$2" url="$3"; shift 3
  local cmd=("$1" "${extra_opts[@]}" "${@:2}")
  if is_ours "$id"; then
    info "$id is already running (pid $(recorded_pid "$id")); leaving it"
    return 0
  fi
  local port="${url##*:}"
  port_in_use "$port" && die "port $port (for $id) is in use by a process iolab did not start; stop it first"
  setsid "${cmd[@]}" > "$IOLAB_LOG_DIR/$id.log" 2>&1 < /dev/null &
  printf '%s\n' "$!" > "$IOLAB_PID_DIR/$id.pid"
  printf '%s\t%s\n' "$jar" "$url" > "$IOLAB_PID_DIR/$id.info"
  info "started $id (pid $!), log run/logs/$id.log"
}

# ---- the targets, then the gateway pointed at them
upstream_args=()
for id in "${wanted[@]}"; do
  target_info "$id"
  target_command "$id" "$TARGET_PORT" "$data_dir"
  jar="$IOLAB_ROOT/$TARGET_MODULE/target/$TARGET_MODULE.jar"
  start "$id" "$jar" "http://127.0.0.1:$TARGET_PORT" "${TARGET_CMD[@]}"
  upstream_args+=("--iolab.gateway.upstreams.$id=http://127.0.0.1:$TARGET_PORT")
done
# the gateway's port and JVM options come from the contract (Target.GATEWAY_PORT, COMMON_JVM_OPTIONS)
mapfile -t gw < <("$JAVA" -cp "$(module_artifact contract)" "$(dirname "${BASH_SOURCE[0]}")/_gateway.java")
(( ${#gw[@]} )) || die "could not read the gateway's port from the contract"
gw_port="${gw[0]}" gw_jar="$IOLAB_ROOT/gateway/target/gateway.jar"
start gateway "$gw_jar" "http://127.0.0.1:$gw_port" \
  "$JAVA" "${gw[@]:1}" -jar "$gw_jar" "--server.port=$gw_port" "${upstream_args[@]}"

# ---- wait for readiness, all at once (they start in parallel)
deadline=$(( SECONDS + timeout )) failed=0
for id in "${wanted[@]}" gateway; do
  url="$(recorded_url "$id")"
  until is_ready "$url"; do
    if ! is_ours "$id"; then
      warn "$id exited during startup; last lines of run/logs/$id.log:"
      tail -n 20 "$IOLAB_LOG_DIR/$id.log" >&2 || true
      forget "$id"; failed=1; continue 2
    fi
    if (( SECONDS >= deadline )); then
      warn "$id not ready after ${timeout}s (see run/logs/$id.log); it keeps running, ./iolab down stops it"
      failed=1; continue 2
    fi
    sleep 0.5
  done
done

printf '%-16s %-24s %-8s %s\n' ID URL PID HEALTH
for id in "${wanted[@]}" gateway; do
  [[ -f "$IOLAB_PID_DIR/$id.pid" ]] || continue
  url="$(recorded_url "$id")"
  printf '%-16s %-24s %-8s %s\n' "$id" "$url" "$(recorded_pid "$id")" "$(health_of "$url")"
done
if (( failed )); then die "some processes did not come up (see above); ./iolab down stops the rest"; fi
info "gateway: http://localhost:$gw_port/  (targets: /targets, each as /<target-id>/...)"
if (( monitoring )); then
  scrape=()
  for id in "${wanted[@]}" gateway; do u="$(recorded_url "$id")"; scrape+=("${u#http://}"); done
  monitoring_up "${scrape[@]}"
fi
