#!/usr/bin/env bash
# Where the CPU of a 1 MiB file response goes, per plain-io model, on loopback: each model pinned to CPU 1,
# `wrk -t1 -c16` pinned to CPU 0, a warm-up, then ROUNDS alternating rounds of server CPU per response
# (/proc/PID/stat), then one `perf record` (cpu-clock, call graphs) per model and the share of its samples
# spent under the kernel functions that tell the file paths apart (inclusive, "children").
# Not a test: it prints numbers, asserts nothing.
#
#   plain-io/bench/perf-file-send.sh                      # needs: plain-io/target/plain-io.jar, wrk, perf (linux-perf)
#   MODELS="epoll uring mmap" ROUNDS=5 plain-io/bench/perf-file-send.sh
#
# skb_copy_ubufs is the loopback's copy of zero-copy pages at delivery to a local socket (io_uring's SEND_ZC,
# MSG_ZEROCOPY): a peer on another host never pays it.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAR="${JAR:-$ROOT/plain-io/target/plain-io.jar}"
MODELS="${MODELS:-epoll uring}"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10}"
BASE_PORT="${BASE_PORT:-18410}"
SYMBOLS="${SYMBOLS:-do_sendfile io_send_zc __sys_sendto skb_copy_ubufs net_rx_action io_wq_worker tcp_recvmsg __sys_setsockopt}"

command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf missing: apt-get install -y linux-perf" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR missing: ./mvnw -B -pl plain-io -am package -DskipTests" >&2; exit 2; }

WORK="$(mktemp -d /tmp/plain-io-perf.XXXXXX)"
mkdir -p "$WORK/data"
declare -A PORT PID
cleanup() {
  for m in "${!PID[@]}"; do kill "${PID[$m]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

port=$BASE_PORT
for m in $MODELS; do # one data directory: the first model creates the fixtures (1m.bin)
  PORT[$m]=$port
  taskset -c 1 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" --model "$m" \
    --port "$port" --management-port $((port + 1)) --data-dir "$WORK/data" > "$WORK/$m.log" 2>&1 &
  PID[$m]=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/files/1m.bin" && break; sleep 0.2; done
  port=$((port + 2))
done

url() { echo "http://127.0.0.1:${PORT[$1]}/files/1m.bin"; }
ticks() { awk '{print $14 + $15}' "/proc/${PID[$1]}/stat"; }
hz=$(getconf CLK_TCK)

for m in $MODELS; do taskset -c 0 wrk -t1 -c16 -d5s "$(url "$m")" > /dev/null; done # warm-up
echo "== $(date -u +%FT%TZ) $(nproc) CPUs, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$ROUNDS"); do
  for m in $MODELS; do
    before=$(ticks "$m")
    rps=$(taskset -c 0 wrk -t1 -c16 -d"${DURATION}s" "$(url "$m")" | awk '/Requests\/sec/ {print $2}')
    after=$(ticks "$m")
    awk -v m="$m" -v r="$r" -v rps="$rps" -v t=$((after - before)) -v hz="$hz" -v d="$DURATION" \
      'BEGIN { printf "round %d %-6s %8.0f req/s %6.0f us CPU per response\n", r, m, rps, t / hz * 1e6 / (rps * d) }'
  done
done

for m in $MODELS; do
  taskset -c 0 wrk -t1 -c16 -d"$((DURATION + 2))s" "$(url "$m")" > /dev/null &
  load=$!
  sleep 1
  perf record -q -e cpu-clock -F 999 -g -p "${PID[$m]}" -o "$WORK/$m.perf" -- sleep "$DURATION" 2> /dev/null
  wait "$load"
  report=$(perf report -i "$WORK/$m.perf" --children --sort sym -q --stdio -g none 2> /dev/null)
  line="perf   $(printf '%-6s' "$m")"
  for s in $SYMBOLS; do
    share=$(awk -v s="$s" '$NF == s {print $1; exit}' <<< "$report")
    line+=" $s ${share:-0%}"
  done
  echo "$line"
done
