# shellcheck shell=bash
# Helpers shared by up, down and status: the processes `./iolab up` started, recorded under run/pids/.
#   run/pids/<id>.pid   the PID (one line)
#   run/pids/<id>.info  "<jar>\t<base-url>": what the PID must be running, and where it answers
# Source after common.sh.

IOLAB_PID_DIR="$IOLAB_RUN_DIR/pids"
IOLAB_LOG_DIR="$IOLAB_RUN_DIR/logs"

# recorded_ids: ids with a pid file, gateway last (so down can stop it first by reversing)
recorded_ids() {
  local f id ids=() gw=''
  for f in "$IOLAB_PID_DIR"/*.pid; do
    [[ -f "$f" ]] || continue
    id="$(basename "$f" .pid)"
    if [[ "$id" == gateway ]]; then gw="$id"; else ids+=("$id"); fi
  done
  (( ${#ids[@]} )) && printf '%s\n' "${ids[@]}"
  [[ -n "$gw" ]] && printf '%s\n' "$gw"
  return 0
}

# recorded_pid ID / recorded_jar ID / recorded_url ID
recorded_pid() { head -n1 "$IOLAB_PID_DIR/$1.pid" 2>/dev/null || true; }
recorded_jar() { cut -f1 "$IOLAB_PID_DIR/$1.info" 2>/dev/null || true; }
recorded_url() { cut -f2 "$IOLAB_PID_DIR/$1.info" 2>/dev/null || true; }

# process_args PID: the full command line of PID, or nothing when it is gone
process_args() {
  if [[ -r "/proc/$1/cmdline" ]]; then
    tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null || true
  else
    ps -ww -o args= -p "$1" 2>/dev/null || true
  fi
}

# is_ours ID: the recorded PID is alive and still runs the recorded jar (a recycled PID is not ours)
is_ours() {
  local pid jar args
  pid="$(recorded_pid "$1")" jar="$(recorded_jar "$1")"
  [[ "$pid" =~ ^[0-9]+$ && -n "$jar" ]] || return 1
  args="$(process_args "$pid")"
  [[ -n "$args" && "$args" == *java* && "$args" == *"$jar"* ]]
}

# forget ID: removes the records of ID
forget() { rm -f "$IOLAB_PID_DIR/$1.pid" "$IOLAB_PID_DIR/$1.info"; }

# health_of URL: UP, DOWN, OUT_OF_SERVICE, ... from <url>/actuator/health, or UNREACHABLE
health_of() {
  local body
  body="$(curl -s --connect-timeout 1 --max-time 2 "$1/actuator/health" 2>/dev/null || true)"
  if [[ "$body" =~ \"status\"[[:space:]]*:[[:space:]]*\"([A-Z_]+)\" ]]; then
    printf '%s' "${BASH_REMATCH[1]}"
  else
    printf 'UNREACHABLE'
  fi
}

# is_ready URL: readiness answers 200
is_ready() { curl -sf -o /dev/null --connect-timeout 1 --max-time 2 "$1/actuator/health/readiness"; }
