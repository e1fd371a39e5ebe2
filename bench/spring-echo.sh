#!/usr/bin/env bash
# Spring targets vs bare Spring apps on GET /echo?msg=hello, measured with wrk (a benchmark, not a test).
#
# Each server is pinned to CPU 1 (taskset -c 1), wrk to CPU 0; every server is warmed up, then measured in
# alternating rounds (round-robin over the servers, so drift in the machine hits all alike) and the median
# of the rounds is reported, with its ratio to the bare app of the same stack: the same bare jar run the way the
# target runs (bare-mvc on platform threads for mvc-platform, bare-mvc-virtual = bare-mvc with
# spring.threads.virtual.enabled for mvc-virtual, bare-webflux on epoll for webflux-epoll, bare-webflux-iouring =
# bare-webflux with Netty's io_uring jars added, which Reactor Netty then prefers, for webflux-iouring), so that
# the ratio is the cost of our endpoints and not of the thread model or transport. Needs 2+ CPUs, taskset and wrk (installed from apt when missing and we are root).
# Everything it starts is stopped on exit. Results go to stdout as a Markdown table (and run/bench/).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH_DIR/../launcher/common.sh"

ROUNDS=3 DURATION=15s WARMUP=10s CONNECTIONS=64 BASE_PORT=18601 STARTUP_TIMEOUT=300
SERVER_CPU=1 WRK_CPU=0
SERVERS=(bare-mvc mvc-platform bare-mvc-virtual mvc-virtual bare-webflux webflux-epoll bare-webflux-iouring webflux-iouring)

usage() {
  cat <<USAGE
usage: bench/spring-echo.sh [--rounds N] [--duration 15s] [--warmup 10s] [--connections 64] [--servers a,b,...]

Benchmarks GET /echo?msg=hello on the Spring targets against bare hello-world apps of the same stack
(bench/bare-mvc, bench/bare-webflux), server on CPU $SERVER_CPU, wrk on CPU $WRK_CPU, ports from $BASE_PORT.
  --rounds N        measured rounds per server, alternating (default $ROUNDS)
  --duration D      wrk duration of one measured round (default $DURATION)
  --warmup D        wrk warm-up per server before the rounds (default $WARMUP)
  --connections N   wrk connections (default $CONNECTIONS; one wrk thread)
  --servers LIST    subset of: ${SERVERS[*]}
  --rebuild         rebuild the bare apps even if their jars exist
Builds what is missing (the Spring modules via ./iolab's build, the bare apps with ./mvnw -f).
USAGE
}

rebuild=false
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --servers) IFS=, read -r -a SERVERS <<<"$2"; shift ;;
    --rebuild) rebuild=true ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done

# ---------------------------------------------------------------- prerequisites
(( $(nproc) >= 2 )) || die "needs at least 2 CPUs (server and wrk on different ones); this machine has $(nproc)"
command -v taskset >/dev/null || die "needs taskset (Debian: util-linux)"
if ! command -v wrk >/dev/null; then
  (( EUID == 0 )) || die "needs wrk: apt-get install wrk"
  info "installing wrk from apt"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
fi
require_java
modules=(contract)
for s in "${SERVERS[@]}"; do
  case "$s" in
    bare-mvc|bare-mvc-virtual|bare-webflux) ;;
    bare-webflux-iouring) target_info webflux-iouring; modules+=("$TARGET_MODULE") ;;
    mvc-*|webflux-*) target_info "$s"; modules+=("$TARGET_MODULE") ;;
    *) usage_error "not a Spring target or bare app: $s" ;;
  esac
done
mapfile -t modules < <(printf '%s\n' "${modules[@]}" | awk '!seen[$0]++')
ensure_built "${modules[@]}"
for bare in bare-mvc bare-webflux; do
  if $rebuild || [[ ! -f "$BENCH_DIR/$bare/target/$bare.jar" ]]; then
    info "building bench/$bare"
    (cd "$IOLAB_ROOT" && ./mvnw -f "bench/$bare/pom.xml" -q -B -ntp package) || die "building bench/$bare failed"
  fi
done

# ---------------------------------------------------------------- servers
WORK="$(mktemp -d "${TMPDIR:-/tmp}/iolab-bench.XXXXXX")"
OUT_DIR="$IOLAB_RUN_DIR/bench/spring-echo-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT_DIR"
declare -A PORT PID
# cleanup: SIGTERM what we started (graceful), SIGKILL what is still alive after 40 s
cleanup() {
  local s alive end=$(( SECONDS + 40 ))
  for s in "${!PID[@]}"; do kill "${PID[$s]}" 2>/dev/null || true; done
  while :; do
    alive=0
    for s in "${!PID[@]}"; do kill -0 "${PID[$s]}" 2>/dev/null && alive=1; done
    (( alive && SECONDS < end )) || break
    sleep 0.5
  done
  for s in "${!PID[@]}"; do kill -9 "${PID[$s]}" 2>/dev/null || true; wait "${PID[$s]}" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# command_for SERVER PORT: fills CMD with the server's command line (targets: exactly the registry's)
command_for() {
  case "$1" in
    bare-mvc|bare-webflux) CMD=("$JAVA" "${BENCH_JVM_OPTIONS[@]}" -jar "$BENCH_DIR/$1/target/$1.jar" "--server.port=$2") ;;
    bare-mvc-virtual) CMD=("$JAVA" "${BENCH_JVM_OPTIONS[@]}" -jar "$BENCH_DIR/bare-mvc/target/bare-mvc.jar"
      "--server.port=$2" --spring.threads.virtual.enabled=true) ;;
    bare-webflux-iouring)
      # the io_uring jars the webflux-iouring target ships, added to the bare jar through Boot's PropertiesLauncher
      mkdir -p "$WORK/iouring"
      (cd "$WORK/iouring" && unzip -qjo "$(module_artifact reactive-service)" 'BOOT-INF/lib/netty-transport-*io_uring*.jar')
      CMD=("$JAVA" "${BENCH_JVM_OPTIONS[@]}" "-Dloader.path=$WORK/iouring" -cp "$BENCH_DIR/bare-webflux/target/bare-webflux.jar"
        org.springframework.boot.loader.launch.PropertiesLauncher "--server.port=$2") ;;
    *) target_command "$1" "$2" "$WORK/data"; CMD=("${TARGET_CMD[@]}") ;;
  esac
}
# the bare apps get the same JVM options as the targets (the registry's common ones)
BENCH_JVM_OPTIONS=(--enable-native-access=ALL-UNNAMED)

url_of() { printf 'http://127.0.0.1:%s/echo?msg=hello' "${PORT[$1]}"; }

# one at a time: a JVM starting on the server CPU while another starts would slow both, and a server
# that is up idles (it costs the others little while they are measured)
i=0
for s in "${SERVERS[@]}"; do
  PORT[$s]=$(( BASE_PORT + i )); i=$(( i + 1 ))
  port_in_use "${PORT[$s]}" && die "port ${PORT[$s]} is in use"
  command_for "$s" "${PORT[$s]}"
  taskset -c "$SERVER_CPU" "${CMD[@]}" >"$OUT_DIR/$s.log" 2>&1 &
  PID[$s]=$!
  info "started $s on port ${PORT[$s]} (pid ${PID[$s]}, CPU $SERVER_CPU): ${CMD[*]}"
  deadline=$(( SECONDS + STARTUP_TIMEOUT ))
  until [[ "$(curl -s --max-time 2 "$(url_of "$s")" 2>/dev/null)" == hello ]]; do
    kill -0 "${PID[$s]}" 2>/dev/null || die "$s exited; see $OUT_DIR/$s.log"
    (( SECONDS < deadline )) || die "$s did not answer /echo within $STARTUP_TIMEOUT s; see $OUT_DIR/$s.log"
    sleep 0.5
  done
  info "$s answers after $(( SECONDS - deadline + STARTUP_TIMEOUT )) s: $(curl -s -D - -o /dev/null "$(url_of "$s")" | tr -d '\r' | grep -i '^x-io-model' || echo 'no X-IO-Model (bare app)')"
  # which transport it runs, from its thread names (comm is cut at 15 characters: reactor-http-ep / -io)
  info "$s event-loop threads: $(cat /proc/"${PID[$s]}"/task/*/comm 2>/dev/null | grep -E '^(reactor-http|http-nio|tomcat)' | sort | uniq -c | tr -s ' ' | paste -sd, - || echo none)"
done

# ---------------------------------------------------------------- load
# run_wrk SERVER DURATION FILE: one pinned wrk run, its full output in FILE
run_wrk() {
  taskset -c "$WRK_CPU" wrk -t1 -c"$CONNECTIONS" -d"$2" --latency "$(url_of "$1")" >"$3" 2>&1
}
# cpu_ticks N: "busy total" jiffies of CPU N since boot (/proc/stat)
cpu_ticks() { awk -v c="cpu$1" '$1 == c {b = $2 + $3 + $4 + $7 + $8 + $9; print b, b + $5 + $6}' /proc/stat; }
# proc_ticks PID: user + system jiffies of a process (fields 14, 15 of /proc/PID/stat, after the comm)
proc_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
requests_of() { awk '/requests in/ {print $1}' "$1"; }
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99_of() { awk '$1 == "99%" {print $2}' "$1"; }
errors_of() { grep -E 'Non-2xx|Socket errors' "$1" | sed 's/^ *//; s/ *$//' | tr -s ' ' | paste -sd';' - || true; }

info "machine: $(nproc) CPUs, $(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -n1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in "${SERVERS[@]}"; do
  info "warm-up $s ($WARMUP)"
  run_wrk "$s" "$WARMUP" "$OUT_DIR/$s.warmup.txt"
done
declare -A RPS P99 ERR NOISE CPUUS
CLK_TCK="$(getconf CLK_TCK)"
for (( r = 1; r <= ROUNDS; r++ )); do
  for s in "${SERVERS[@]}"; do
    f="$OUT_DIR/$s.round$r.txt"
    read -r b0 t0 < <(cpu_ticks "$SERVER_CPU"); p0="$(proc_ticks "${PID[$s]}")"
    run_wrk "$s" "$DURATION" "$f"
    read -r b1 t1 < <(cpu_ticks "$SERVER_CPU"); p1="$(proc_ticks "${PID[$s]}")"
    # noise: what else ran on the server's CPU during the round (busy minus the server's own time)
    # cost: the server's own CPU time per request, robust to a busy machine where req/s is not
    CPUUS[$s]+="$(awk -v p=$(( p1 - p0 )) -v hz="$CLK_TCK" -v n="$(requests_of "$f")" 'BEGIN {printf "%.1f", n ? p * 1e6 / hz / n : 0}') "
    NOISE[$s]+="$(awk -v b=$(( b1 - b0 )) -v t=$(( t1 - t0 )) -v p=$(( p1 - p0 )) 'BEGIN {printf "%.0f", t ? 100 * (b - p) / t : 0}') "
    RPS[$s]+="$(rps_of "$f") " P99[$s]+="$(p99_of "$f") "
    e="$(errors_of "$f")"; [[ -n "$e" ]] && ERR[$s]+="r$r: $e "
    info "round $r/$ROUNDS $s: $(rps_of "$f") req/s, p99 $(p99_of "$f"), server CPU $(awk '{print $NF}' <<<"${CPUUS[$s]}") us/request, others on CPU $SERVER_CPU: $(awk '{print $NF}' <<<"${NOISE[$s]}")% (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- report
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
baseline_of() {
  case "$1" in
    bare-*) echo "$1" ;; mvc-platform) echo bare-mvc ;; mvc-virtual) echo bare-mvc-virtual ;;
    webflux-epoll) echo bare-webflux ;; webflux-iouring) echo bare-webflux-iouring ;;
  esac
}
declare -A MED CPU
for s in "${SERVERS[@]}"; do MED[$s]="$(median <<<"${RPS[$s]}")" CPU[$s]="$(median <<<"${CPUUS[$s]}")"; done
# ratio A B: A / B with two decimals, or - when B is missing
ratio() { [[ -n "${2:-}" ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "-"), a / b}' || printf -- '-'; }
{
  echo "date: $(date -u +%FT%TZ); machine: $(nproc) x $(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -n1), $(uname -sr)"
  echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p); load average after: $load_after"
  echo "command: taskset -c $WRK_CPU wrk -t1 -c$CONNECTIONS -d$DURATION --latency 'http://127.0.0.1:PORT/echo?msg=hello'"
  echo "         server: taskset -c $SERVER_CPU <java command>; warm-up $WARMUP each; $ROUNDS alternating rounds"
  echo
  echo "| server | req/s per round | median req/s | req/s vs bare | server CPU us/request per round | median us/request | cost vs bare | p99 latency per round | others on server CPU % per round | errors |"
  echo "|---|---|---:|---:|---|---:|---:|---|---|---|"
  for s in "${SERVERS[@]}"; do
    b="$(baseline_of "$s")"
    printf '| %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s |\n' "$s" \
      "$(xargs printf '%.0f ' <<<"${RPS[$s]}" | sed 's/ $//')" "${MED[$s]}" "$(ratio "${MED[$s]}" "${MED[$b]:-}")" \
      "$(sed 's/ $//' <<<"${CPUUS[$s]}")" "${CPU[$s]}" "$(ratio "${CPU[$s]}" "${CPU[$b]:-}")" \
      "$(sed 's/ $//' <<<"${P99[$s]}")" "$(sed 's/ $//' <<<"${NOISE[$s]}")" "${ERR[$s]:-none}"
  done
} | tee "$OUT_DIR/summary.md"
info "raw wrk output and server logs: $OUT_DIR"
