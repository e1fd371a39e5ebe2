#!/usr/bin/env bash
# summary: stop exactly the processes ./iolab up started (SIGTERM, graceful; SIGKILL after a timeout)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/_procs.sh"
source "$(dirname "${BASH_SOURCE[0]}")/_monitoring.sh"

usage() {
  cat <<USAGE
usage: ./iolab down [--timeout SECONDS] [id...]

Stops the processes ./iolab up started, found by the PIDs it recorded under run/pids/, and nothing
else: a PID is signalled only while it still runs the recorded jar (a PID reused by another
program is left alone). The gateway stops first, then the targets. Each gets SIGTERM (graceful:
readiness 503, in-flight requests complete, up to 30 s) and SIGKILL if still alive after the timeout.
  id...              only these (target ids or gateway; default: all recorded)
  --timeout SECONDS  grace before SIGKILL (default: 40)
USAGE
}

timeout=40 ids=()
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --timeout) (( $# >= 2 )) || usage_error "--timeout needs a value"; timeout="$2"; shift ;;
    --timeout=*) timeout="${1#*=}" ;;
    -*) usage_error "unknown option: $1" ;;
    *) ids+=("$1") ;;
  esac
  shift
done
[[ "$timeout" =~ ^[0-9]+$ ]] || usage_error "--timeout must be a whole number of seconds, not '$timeout'"

if (( ${#ids[@]} == 0 )); then
  monitoring_down   # Prometheus and Grafana of ./iolab up --monitoring go first: they only watch
  mapfile -t ids < <(recorded_ids)
  # gateway first: it stops taking traffic before the targets behind it go
  (( ${#ids[@]} )) && mapfile -t ids < <(printf '%s\n' "${ids[@]}" | tac)
fi
(( ${#ids[@]} )) || { info "nothing to stop (no PIDs recorded under run/pids)"; exit 0; }

stopping=()
for id in "${ids[@]}"; do
  if [[ ! -f "$IOLAB_PID_DIR/$id.pid" ]]; then
    warn "$id: not started by ./iolab up (no run/pids/$id.pid)"; continue
  fi
  if is_ours "$id"; then
    kill -TERM "$(recorded_pid "$id")" 2>/dev/null || true
    info "$id: SIGTERM to pid $(recorded_pid "$id")"
    stopping+=("$id")
  else
    info "$id: pid $(recorded_pid "$id") is gone or runs something else; forgetting it"
    forget "$id"
  fi
done

deadline=$(( SECONDS + timeout ))
for id in "${stopping[@]}"; do
  while is_ours "$id" && (( SECONDS < deadline )); do sleep 0.2; done
  if is_ours "$id"; then
    warn "$id: still alive after ${timeout}s; SIGKILL to pid $(recorded_pid "$id")"
    kill -KILL "$(recorded_pid "$id")" 2>/dev/null || true
  else
    info "$id: stopped"
  fi
  forget "$id"
done
