#!/usr/bin/env bash
# plain-io vs nginx with wrk, the way docs/performance.md measures throughput:
# servers pinned to CPU 1, wrk pinned to CPU 0, loopback only, a warm-up, then alternating rounds
# (round-robin over the servers so machine drift hits all alike) and the median of the rounds.
#
#   plain-io/bench/wrk-vs-nginx.sh            # needs: a built plain-io/target/plain-io.jar, wrk, nginx (nginx-light)
#   ROUNDS=5 DURATION=10 CONNECTIONS=64 MODELS="epoll poll" plain-io/bench/wrk-vs-nginx.sh
#   MODELS="epoll uring" TARGETS="webflux-iouring" plain-io/bench/wrk-vs-nginx.sh   # + any target, by its registry command
#   MODELS=blocking TARGETS="mvc-platform mvc-platform@iolab.sendfile=false" plain-io/bench/wrk-vs-nginx.sh
#                                               # id@name=value: the same target with --name=value added, side by side
#
# Scenarios: small = GET /echo?msg=hello (5-byte body; nginx: `return 200 "hello"`), file = GET /files/1m.bin
# (1 MiB; nginx: sendfile on). nginx runs one worker. Not a test: it prints numbers, asserts nothing.
# Every round also prints the CPU time per request of the server (/proc/PID/stat) and of wrk (its rusage):
# on a shared machine req/s follows the neighbours, CPU per request follows the servers (JAR= picks another jar).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="${JAR:-$ROOT/plain-io/target/plain-io.jar}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-50}"
MODELS="${MODELS:-epoll poll blocking aio mmap busypoll}"
TARGETS="${TARGETS:-}" # other targets by id (e.g. webflux-iouring), started with exactly the registry's command
SERVER_CPU="${SERVER_CPU:-1}"
WRK_CPU="${WRK_CPU:-0}"
BASE_PORT="${BASE_PORT:-18310}"

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 2; }
command -v nginx >/dev/null || { echo "nginx missing: apt-get install -y nginx-light" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR missing: ./mvnw -B -pl plain-io package -DskipTests" >&2; exit 2; }

WORK="$(mktemp -d /tmp/plain-io-bench.XXXXXX)"
DATA="$WORK/data"
mkdir -p "$DATA" "$WORK/nginx"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap 'cleanup; rm -rf "$WORK"' EXIT

# --- nginx: one worker, return 200 with a 5-byte body, the 1 MiB file with sendfile
NGINX_PORT=$BASE_PORT
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000000;
  keepalive_timeout 60s;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /echo { default_type text/plain; return 200 "hello"; }
    location /files/ { alias $DATA/; default_type application/octet-stream; }
  }
}
CONF

start_plain() { # model port
  local opts=()
  [ "$1" = poll ] && opts+=("-Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider")
  taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${opts[@]}" -jar "$JAR" \
    --model "$1" --port "$2" --data-dir "$DATA" > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  PID[$1]=$!
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" && return 0; sleep 0.2; done
  echo "plain-$1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1
}

start_target() { # id[@name=value] port: the registry's own command line (launcher/common.sh), on the same data directory
  # shellcheck source=../../launcher/common.sh
  source "$ROOT/launcher/common.sh"
  target_command "${1%%@*}" "$2" "$DATA"
  [[ "$1" == *@* ]] && TARGET_CMD+=("--${1#*@}")
  taskset -c "$SERVER_CPU" "${TARGET_CMD[@]}" > "$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  PID[$1]=$!
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" && return 0; sleep 0.2; done
  echo "$1 did not start:" >&2; cat "$WORK/$1.log" >&2; exit 1
}

# the fixtures (1m.bin) come from plain-io itself: start epoll first, on an empty data dir
declare -A PORT PID
PORT[nginx]=$NGINX_PORT
i=1
for m in $MODELS $TARGETS; do PORT[$m]=$((BASE_PORT + i)); i=$((i + 1)); done
SERVERS="nginx"
for m in $MODELS; do [ "$m" != busypoll ] && { start_plain "$m" "${PORT[$m]}"; SERVERS="$SERVERS $m"; }; done
for t in $TARGETS; do start_target "$t" "${PORT[$t]}"; SERVERS="$SERVERS $t"; done
chmod -R a+rX "$WORK" # nginx workers run as www-data; fixtures are created owner-only
taskset -c "$SERVER_CPU" nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
sleep 0.5
PID[nginx]="$(pgrep -P "$(cat "$WORK/nginx/nginx.pid")" | head -1)" # the one worker
curl -sf "http://127.0.0.1:$NGINX_PORT/files/1m.bin" | cmp -s - "$DATA/1m.bin" || { echo "nginx does not serve 1m.bin" >&2; exit 1; }

url() { # server scenario
  case "$2" in small) echo "http://127.0.0.1:${PORT[$1]}/echo?msg=hello" ;; file) echo "http://127.0.0.1:${PORT[$1]}/files/1m.bin" ;; esac
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; } # utime + stime, in clock ticks (1/100 s)

run_wrk() { # server scenario seconds -> "req/s bytes/s server-CPU-us/req wrk-CPU-us/req [ERR]"
  local before out
  before="$(cpu_ticks "${PID[$1]}")"
  out="$({ taskset -c "$WRK_CPU" /usr/bin/time -f "WRKCPU %U %S" wrk -t1 -c"$CONNECTIONS" -d"$3"s "$(url "$1" "$2")"; } 2>&1)"
  echo "$out" | awk -v ticks=$(( $(cpu_ticks "${PID[$1]}") - before )) '
    /requests in/ { n = $1 }
    /Requests\/sec/ { r = $2 }
    /Transfer\/sec/ { v = $2; u = substr(v, length(v) - 1); x = substr(v, 1, length(v) - 2) + 0;
                      m = (u == "GB") ? 1073741824 : (u == "MB") ? 1048576 : (u == "KB") ? 1024 : 1; b = x * m }
    /WRKCPU/ { w = $2 + $3 }
    /Non-2xx|Socket errors/ { e = e " " $0 }
    END { printf "%s %.0f %.1f %.1f%s\n", r, b, n ? ticks * 1e4 / n : 0, n ? w * 1e6 / n : 0, (e ? " ERR" : "") }'
}

declare -A RESULTS
bench() { # servers...
  local servers="$*"
  for s in $servers; do for sc in small file; do run_wrk "$s" "$sc" "$WARMUP" > /dev/null; done; done
  for r in $(seq "$ROUNDS"); do
    for sc in small file; do
      for s in $servers; do
        out="$(run_wrk "$s" "$sc" "$DURATION")"
        RESULTS[$s.$sc]="${RESULTS[$s.$sc]:-} $(echo "$out" | tr ' ' ',')"
        echo "round $r $sc $s: $out" >&2
      done
    done
  done
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { printf "%.0f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
field() { # key column (1 = req/s, 2 = bytes/s); every round counts, rounds with wrk errors included
  echo "${RESULTS[$1]}" | tr ' ' '\n' | grep -v '^$' | awk -F, -v k="$2" '{ printf "%s ", $k }' | median
}

echo "== $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) CPUs, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), $(nginx -v 2>&1)" >&2
echo "== servers on CPU $SERVER_CPU, wrk -t1 -c$CONNECTIONS on CPU $WRK_CPU, ${DURATION}s x $ROUNDS rounds after ${WARMUP}s warm-up" >&2
echo "== per round: req/s, bytes/s, server CPU us/request, wrk CPU us/request" >&2
bench $SERVERS
if [[ " $MODELS " == *" busypoll "* ]]; then
  # busypoll burns its CPU even when idle: it runs alone with nginx, after the others are stopped
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  PIDS=()
  start_plain busypoll "${PORT[busypoll]}"
  bench nginx busypoll
  SERVERS="$SERVERS busypoll"
fi

NS="$(field nginx.small 1)"; NF="$(field nginx.file 2)"
printf '\n| server | GET /echo?msg=hello req/s | ratio to nginx | GET /files/1m.bin GB/s | ratio to nginx | 1m.bin CPU us/request: server, wrk |\n|---|---|---|---|---|---|\n'
for s in $SERVERS; do
  rs="$(field "$s.small" 1)"; bf="$(field "$s.file" 2)"
  printf '| %s | %.0f | %.2f | %.2f | %.2f | %.0f, %.0f |\n' "$(case "$s" in nginx|*-*) echo "$s" ;; *) echo "plain-$s" ;; esac)" "$rs" \
    "$(echo "$rs / $NS" | bc -l)" "$(echo "$bf / 1000000000" | bc -l)" "$(echo "$bf / $NF" | bc -l)" \
    "$(field "$s.file" 3)" "$(field "$s.file" 4)"
done
