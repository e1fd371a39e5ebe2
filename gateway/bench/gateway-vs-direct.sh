#!/usr/bin/env bash
# Throughput through the gateway vs direct, GET /echo?msg=hello with wrk (a benchmark, not a test).
#
# The targets (default webflux-epoll, mvc-virtual) and the gateway in front of them all run on CPU 1
# (taskset -c 1: gateway and target share it, as they share a node), wrk on CPU 0. Everything is warmed up,
# then measured in alternating rounds (direct, through the gateway, per target) and the median reported
# with the ratio gateway/direct, plus the CPU time per request of target and gateway (from /proc, robust
# on a shared machine). --jfr records the gateway with JFR during the rounds and prints where its CPU goes.
# --floor adds a third path per target through bench/bare-proxy (Reactor Netty's HttpServer handing each request
# to its HttpClient, nothing else): the floor of what any JVM proxy on Reactor Netty costs here.
# Everything it starts is stopped on exit. Results: stdout and run/bench/.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$BENCH_DIR/../../launcher/common.sh"

ROUNDS=3 DURATION=15s WARMUP=10s CONNECTIONS=64 BASE_PORT=18410 GATEWAY_BENCH_PORT=18400
SERVER_CPU=1 WRK_CPU=0
TARGETS=(webflux-epoll mvc-virtual)

usage() {
  cat <<USAGE
usage: gateway/bench/gateway-vs-direct.sh [--rounds N] [--duration 15s] [--warmup 10s] [--connections 64]
                                          [--targets a,b] [--jfr] [--floor] [--nginx] [--gateway-opts "..."]

GET /echo?msg=hello direct to each target and through the gateway (/<id>/echo?msg=hello), the targets and
the gateway on CPU $SERVER_CPU, wrk on CPU $WRK_CPU; targets on ports from $BASE_PORT, gateway on $GATEWAY_BENCH_PORT.
  --rounds N          measured rounds, alternating (default $ROUNDS)
  --duration D        wrk duration of one measured round (default $DURATION)
  --warmup D          wrk warm-up of every URL before the rounds (default $WARMUP)
  --connections N     wrk connections (default $CONNECTIONS; one wrk thread)
  --targets LIST      targets to compare (default ${TARGETS[*]})
  --jfr               record the gateway with JFR (profile settings) during the measured rounds; prints
                      'jfr view hot-methods' and the share of samples per package (files under run/bench/)
  --floor            also measure bench/bare-proxy (a bare Reactor Netty proxy) in front of each target, on
                      ports from $(( GATEWAY_BENCH_PORT + 1 )): the floor for any proxy on Reactor Netty
  --nginx             also measure nginx (one process, upstream keepalive) as the proxy, on port $(( GATEWAY_BENCH_PORT + 9 )):
                      what the lightest common reverse proxy costs on the same CPU (needs nginx: apt-get install nginx-light)
  --gateway-opts S    extra gateway arguments, e.g. "--spring.cloud.gateway.server.webflux.metrics.enabled=false"
Builds what is missing.
USAGE
}

jfr=false floor=false nginx=false gateway_opts=''
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --targets) IFS=, read -r -a TARGETS <<<"$2"; shift ;;
    --jfr) jfr=true ;;
    --floor) floor=true ;;
    --nginx) nginx=true ;;
    --gateway-opts) gateway_opts="$2"; shift ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done

(( $(nproc) >= 2 )) || die "needs at least 2 CPUs (servers and wrk on different ones); this machine has $(nproc)"
command -v taskset >/dev/null || die "needs taskset (Debian: util-linux)"
command -v wrk >/dev/null || die "needs wrk: apt-get install wrk"
$nginx && { command -v nginx >/dev/null || die "--nginx needs nginx: apt-get install nginx-light"; }
require_java
modules=(contract gateway)
for t in "${TARGETS[@]}"; do target_info "$t"; modules+=("$TARGET_MODULE"); done
ensure_built "${modules[@]}"
if $floor && [[ ! -f "$IOLAB_ROOT/bench/bare-proxy/target/bare-proxy.jar" ]]; then
  info "building bench/bare-proxy"
  (cd "$IOLAB_ROOT" && ./mvnw -f bench/bare-proxy/pom.xml -q -B -ntp package) || die "building bench/bare-proxy failed"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/iolab-gwbench.XXXXXX")"
OUT_DIR="$IOLAB_RUN_DIR/bench/gateway-vs-direct-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT_DIR"
declare -A PORT PID URL
cleanup() {
  local s
  for s in "${!PID[@]}"; do kill "${PID[$s]}" 2>/dev/null || true; done
  for s in "${!PID[@]}"; do wait "${PID[$s]}" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

await_hello() { # NAME URL
  local deadline=$(( SECONDS + 180 ))
  until [[ "$(curl -s --max-time 2 "$2" 2>/dev/null)" == hello ]]; do
    kill -0 "${PID[$1]}" 2>/dev/null || die "$1 exited; see $OUT_DIR/$1.log"
    (( SECONDS < deadline )) || die "$1 did not answer $2 within 180 s; see $OUT_DIR/$1.log"
    sleep 0.5
  done
}

# ---------------------------------------------------------------- targets, then the gateway in front of them
upstream_args=() i=0
for t in "${TARGETS[@]}"; do
  PORT[$t]=$(( BASE_PORT + i )); i=$(( i + 1 ))
  port_in_use "${PORT[$t]}" && die "port ${PORT[$t]} is in use"
  target_command "$t" "${PORT[$t]}" "$WORK/data"
  taskset -c "$SERVER_CPU" "${TARGET_CMD[@]}" >"$OUT_DIR/$t.log" 2>&1 &
  PID[$t]=$!
  upstream_args+=("--iolab.gateway.upstreams.$t=http://127.0.0.1:${PORT[$t]}")
  URL[direct:$t]="http://127.0.0.1:${PORT[$t]}/echo?msg=hello"
  URL[gateway:$t]="http://127.0.0.1:$GATEWAY_BENCH_PORT/$t/echo?msg=hello"
  info "started $t on port ${PORT[$t]} (pid ${PID[$t]}, CPU $SERVER_CPU)"
done

start_gateway() { # extra JVM options...
  port_in_use "$GATEWAY_BENCH_PORT" && die "port $GATEWAY_BENCH_PORT is in use"
  local extra=()
  [[ -n "$gateway_opts" ]] && read -r -a extra <<<"$gateway_opts"
  taskset -c "$SERVER_CPU" "$JAVA" --enable-native-access=ALL-UNNAMED "$@" -jar "$IOLAB_ROOT/gateway/target/gateway.jar" \
    "--server.port=$GATEWAY_BENCH_PORT" "${upstream_args[@]}" "${extra[@]}" >>"$OUT_DIR/gateway.log" 2>&1 &
  PID[gateway]=$!
  info "started the gateway on port $GATEWAY_BENCH_PORT (pid ${PID[gateway]}, CPU $SERVER_CPU) $*"
  for t in "${TARGETS[@]}"; do await_hello gateway "${URL[gateway:$t]}"; done
}

for t in "${TARGETS[@]}"; do await_hello "$t" "${URL[direct:$t]}"; done
start_gateway
if $floor; then
  i=1
  for t in "${TARGETS[@]}"; do
    fport=$(( GATEWAY_BENCH_PORT + i )); i=$(( i + 1 ))
    port_in_use "$fport" && die "port $fport is in use"
    taskset -c "$SERVER_CPU" "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$IOLAB_ROOT/bench/bare-proxy/target/bare-proxy.jar" \
      --port "$fport" --prefix "/$t" --upstream "http://127.0.0.1:${PORT[$t]}" >"$OUT_DIR/floor-$t.log" 2>&1 &
    PID[floor:$t]=$!
    URL[floor:$t]="http://127.0.0.1:$fport/$t/echo?msg=hello"
    info "started bench/bare-proxy on port $fport in front of $t (pid ${PID[floor:$t]}, CPU $SERVER_CPU)"
    await_hello "floor:$t" "${URL[floor:$t]}"
  done
fi
if $nginx; then
  # One process (master_process off), so its own CPU time is the proxy's; keepalive to the upstream, as
  # the gateway's connection pool does, and the /<id> prefix stripped by proxy_pass's trailing slash. The upstream is
  # named after the target id, so the Host header nginx sends is a valid host name (Tomcat rejects "up_x").
  nport=$(( GATEWAY_BENCH_PORT + 9 ))
  port_in_use "$nport" && die "port $nport is in use"
  mkdir -p "$WORK/nginx"
  {
    echo "worker_processes 1; daemon off; master_process off; pid $WORK/nginx/nginx.pid; error_log $OUT_DIR/nginx-error.log warn;"
    echo "events { worker_connections 4096; }"
    echo "http { access_log off; client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;"
    echo "  fastcgi_temp_path $WORK/nginx/fastcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;"
    echo "  keepalive_requests 100000000;"
    for t in "${TARGETS[@]}"; do echo "  upstream $t { server 127.0.0.1:${PORT[$t]}; keepalive 128; keepalive_requests 100000000; }"; done
    echo "  server { listen 127.0.0.1:$nport;"
    for t in "${TARGETS[@]}"; do
      echo "    location /$t/ { proxy_pass http://$t/; proxy_http_version 1.1; proxy_set_header Connection \"\"; }"
    done
    echo "  }"
    echo "}"
  } >"$WORK/nginx/nginx.conf"
  taskset -c "$SERVER_CPU" nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$OUT_DIR/nginx.log" 2>&1 &
  PID[nginx]=$!
  info "started nginx as the proxy on port $nport (pid ${PID[nginx]}, CPU $SERVER_CPU)"
  for t in "${TARGETS[@]}"; do
    URL[nginx:$t]="http://127.0.0.1:$nport/$t/echo?msg=hello"
    await_hello nginx "${URL[nginx:$t]}"
  done
fi
info "through the gateway: $(curl -s -D - -o /dev/null "${URL[gateway:${TARGETS[0]}]}" | tr -d '\r' | grep -i '^x-io-model')"

# ---------------------------------------------------------------- load
KEYS=()
VIAS=(direct gateway)
$floor && VIAS+=(floor)
$nginx && VIAS+=(nginx)
for t in "${TARGETS[@]}"; do for via in "${VIAS[@]}"; do KEYS+=("$via:$t"); done; done
# the proxy process of a key: the gateway, nginx, or the bare proxy in front of that target
proxy_pid() { case "$1" in floor:*) echo "${PID[$1]}" ;; nginx:*) echo "${PID[nginx]}" ;; *) echo "${PID[gateway]}" ;; esac; }
run_wrk() { taskset -c "$WRK_CPU" wrk -t1 -c"$CONNECTIONS" -d"$2" --latency "${URL[$1]}" >"$3" 2>&1; }
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99_of() { awk '$1 == "99%" {print $2}' "$1"; }
errors_of() { grep -E 'Non-2xx|Socket errors' "$1" | sed 's/^ *//; s/ *$//' | tr -s ' ' | paste -sd';' - || true; }
file_of() { tr ':' '-' <<<"$1"; }
requests_of() { awk '/requests in/ {print $1}' "$1"; }
# cpu_ticks PID: user + system CPU time of PID in clock ticks (/proc/PID/stat fields 14 and 15)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
# The machine may be shared: req/s then measure the contention as much as the servers. CPU time per
# request (from /proc, whatever else runs) does not, so every round also records it for the target and
# the gateway; the throughput ratio one CPU can give is then direct_cpu / (target_cpu + gateway_cpu).

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${KEYS[@]}"; do
  info "warm-up $k ($WARMUP)"
  run_wrk "$k" "$WARMUP" "$OUT_DIR/$(file_of "$k").warmup.txt"
done
declare -A RPS P99 ERR TCPU GCPU
if $jfr; then
  rec="$OUT_DIR/gateway.jfr"
  "$JAVA_HOME/bin/jcmd" "${PID[gateway]}" JFR.start name=bench settings=profile filename="$rec" >/dev/null
  info "JFR recording the gateway during the rounds: $rec"
fi
for (( r = 1; r <= ROUNDS; r++ )); do
  for k in "${KEYS[@]}"; do
    f="$OUT_DIR/$(file_of "$k").round$r.txt"
    t="${k#*:}"
    t0="$(cpu_ticks "${PID[$t]}")" g0="$(cpu_ticks "$(proxy_pid "$k")")"
    run_wrk "$k" "$DURATION" "$f"
    t1="$(cpu_ticks "${PID[$t]}")" g1="$(cpu_ticks "$(proxy_pid "$k")")"
    n="$(requests_of "$f")"
    TCPU[$k]+="$(awk -v d=$(( t1 - t0 )) -v n="$n" -v u="$TICK_US" 'BEGIN {printf "%.1f", d * u / n}') "
    GCPU[$k]+="$(awk -v d=$(( g1 - g0 )) -v n="$n" -v u="$TICK_US" 'BEGIN {printf "%.1f", d * u / n}') "
    RPS[$k]+="$(rps_of "$f") " P99[$k]+="$(p99_of "$f") "
    e="$(errors_of "$f")"; [[ -n "$e" ]] && ERR[$k]+="r$r: $e "
    info "round $r/$ROUNDS $k: $(rps_of "$f") req/s, p99 $(p99_of "$f"), CPU/request target $(awk '{print $NF}' <<<"${TCPU[$k]}") us proxy $(awk '{print $NF}' <<<"${GCPU[$k]}") us (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
declare -A MED
for k in "${KEYS[@]}"; do MED[$k]="$(median <<<"${RPS[$k]}")"; done
{
  echo "date: $(date -u +%FT%TZ); machine: $(nproc) x $(sed -n 's/^model name\s*:\s*//p' /proc/cpuinfo | head -n1), $(uname -sr)"
  echo "jdk: $("$JAVA" -version 2>&1 | sed -n 2p); load average before: $load_before, after: $load_after"
  echo "command: taskset -c $WRK_CPU wrk -t1 -c$CONNECTIONS -d$DURATION --latency URL; targets and gateway: taskset -c $SERVER_CPU"
  echo "         warm-up $WARMUP per URL; $ROUNDS alternating rounds; gateway extra args: ${gateway_opts:-none}"
  echo
  echo "path: direct = the target alone; gateway = through the iolab gateway$($floor && echo '; floor = through bench/bare-proxy')$($nginx && echo '; nginx = through nginx (upstream keepalive)')"
  echo
  echo "| target | path | req/s per round | median req/s | proxied / direct | target CPU us/req (median) | proxy CPU us/req (median) | one-CPU ratio from CPU | p99 per round | errors |"
  echo "|---|---|---|---:|---:|---:|---:|---:|---|---|"
  for t in "${TARGETS[@]}"; do
    for via in "${VIAS[@]}"; do
      k="$via:$t"
      ratio='-' cpu_ratio='-'
      tc="$(median <<<"${TCPU[$k]}")" gc='-'
      if [[ "$via" != direct ]]; then
        ratio="$(awk -v a="${MED[$k]}" -v b="${MED[direct:$t]}" 'BEGIN {printf "%.2f", a / b}')"
        gc="$(median <<<"${GCPU[$k]}")"
        cpu_ratio="$(awk -v d="$(median <<<"${TCPU[direct:$t]}")" -v a="$tc" -v g="$gc" 'BEGIN {printf "%.2f", d / (a + g)}')"
      fi
      printf '| %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s |\n' "$t" "$via" "$(xargs printf '%.0f ' <<<"${RPS[$k]}" | sed 's/ $//')" \
        "${MED[$k]}" "$ratio" "$tc" "$gc" "$cpu_ratio" "$(sed 's/ $//' <<<"${P99[$k]}")" "${ERR[$k]:-none}"
    done
  done
} | tee "$OUT_DIR/summary.md"

# ---------------------------------------------------------------- where the gateway's time goes
if $jfr; then
  "$JAVA_HOME/bin/jcmd" "${PID[gateway]}" JFR.stop name=bench >/dev/null
  echo
  echo "JFR of the gateway during the rounds ($rec), hottest methods (top frames of execution samples):"
  "$JAVA_HOME/bin/jfr" view --width 170 hot-methods "$rec" | head -n 35 | tee "$OUT_DIR/hot-methods.txt"
  echo
  echo "Execution samples by package of the frames (any depth) - where the gateway's CPU goes:"
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$rec" \
    | awk '/jdk.ExecutionSample/ {n++; delete seen} /line:/ {sub(/^[ \t]+/, ""); split($1, a, "."); p = a[1] "." a[2] "." a[3]; if (!(p in seen)) {seen[p]; c[p]++}} END {for (p in c) printf "%6.1f%%  %s\n", 100 * c[p] / n, p}' \
    | sort -rn | head -n 25 | tee "$OUT_DIR/packages.txt"
fi
info "raw wrk output and server logs: $OUT_DIR"
