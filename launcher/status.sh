#!/usr/bin/env bash
# summary: one line per process ./iolab up started: id, base URL, pid, health
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$(dirname "${BASH_SOURCE[0]}")/_procs.sh"

usage() {
  cat <<USAGE
usage: ./iolab status

Prints one line per process ./iolab up started (run/pids/), targets then the gateway:
  <id> <base-url> <pid> <health>
health is the status from <base-url>/actuator/health (UP, DOWN, OUT_OF_SERVICE), UNREACHABLE when
the process runs but does not answer, or EXITED when the recorded process is gone.
Exit status: 0 when every recorded process is UP, 1 otherwise, 3 when nothing is recorded.
USAGE
}
wants_help "$@" && { usage; exit 0; }
(( $# == 0 )) || usage_error "status takes no arguments"

mapfile -t ids < <(recorded_ids)
if (( ${#ids[@]} == 0 )); then
  info "nothing started (no PIDs under run/pids); ./iolab up starts targets and the gateway"
  exit 3
fi
rc=0
for id in "${ids[@]}"; do
  url="$(recorded_url "$id")" pid="$(recorded_pid "$id")"
  if is_ours "$id"; then health="$(health_of "$url")"; else health=EXITED; fi
  [[ "$health" == UP ]] || rc=1
  printf '%s %s %s %s\n' "$id" "$url" "$pid" "$health"
done
exit "$rc"
