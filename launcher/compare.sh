#!/usr/bin/env bash
# summary: measure targets side by side under the same load; writes results/<run-id>/ (JSON, Markdown, HTML charts)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab compare [--targets ids|all] [--scenarios list] [--duration 30s] [--warmup 10s] [--quick]
                       [--concurrency 100,500,2000] [--rate N] [--engine gatling|wrk]
                       [--base-url id=URL ...] [--via-gateway] [--cpus-target LIST --cpus-load LIST | --no-pin]
                       [--connections 10000] [--results DIR] [--idle 3s] [--syscalls [--syscalls-duration 10s]]
                       [--repeat N] [--baseline RUN_DIR] [--chaos [--chaos-window 35s]]

Runs each target alone, in turn: launched as its own JVM with the registry's command on a free
loopback port with a fresh data directory (or reached at --base-url), warms it up, then measures it
under each scenario, and writes results/<run-id>/: comparison.json, comparison.md, index.html with
charts (charts/*.svg), each Gatling report (gatling/<target>-<scenario>/); results/latest points there.
  --targets ids|all      comma-separated target ids (default: all built ones; --quick: mvc-platform,
                         webflux-epoll,plain-epoll; with --base-url: the ids given there)
  --scenarios list       echo,files,delay,upload,c10k (default: all; --quick: echo,delay)
  --duration D           measured time per target x scenario, e.g. 30s, 2m (default 30s; --quick 5s)
  --warmup D             same load before measuring, numbers dropped (default 10s; --quick 3s)
  --ramp D               closed model: time over which users start (default 2s; --quick 1s; <1s: all at once)
  --quick                short run of three targets, under 2 minutes: a smoke test, not a benchmark
  --concurrency N,N,...  closed-model users (a list makes a sweep: one row and a curve per level);
                         default per scenario: echo 64, files 16, delay 2000 (--quick 400), upload 16
  --rate N               open model: N scenario iterations per second instead of closed-model users
  --engine gatling|wrk   load generator (default gatling); wrk (apt-get install wrk) runs the GET
                         scenarios only, for max-throughput numbers where Gatling is client-bound
  --base-url id=URL      measure a target someone else runs (Kubernetes, another host); repeatable.
                         No /proc there: CPU from process_cpu_time, threads from jvm_threads_live_threads
  --via-gateway          put the gateway in front of each target (launched here, on the target's CPUs)
  --cpus-target LIST     CPUs for the target (taskset list; default: the upper half, 1 on 2 CPUs)
  --cpus-load LIST       CPUs for the load generator (default: the lower half, 0 on 2 CPUs)
  --no-pin               do not pin (the report says so); pinning also needs taskset (util-linux)
  --connections N        c10k: idle keep-alive connections to hold (default 10000)
  --results DIR          where run folders go (default: results/ in the repository)
  --idle D               after each target's scenarios, D without load to measure its idle CPU and
                         wake-ups (default 3s; --quick 2s; 0 skips it)
  --syscalls             after each measured run, a separate run of the same load with strace -c -f
                         attached to the target, counting its system calls per request by name; strace
                         slows the target, so only the counts are kept (apt-get install strace; needs
                         ptrace rights: root, or the same user with kernel.yama.ptrace_scope=0)
  --syscalls-duration D  length of that separate run (default 10s; --quick 2s)
  --repeat N             N alternating rounds (every target once per round, relaunched; N >= 1, default 1):
                         each number is the median of its rounds, shown with its min-max range (error
                         bars in the charts; every round's value in comparison.json). One round is not
                         a measurement of record on a shared machine, and the report says so
  --baseline RUN_DIR     compare with an earlier run's folder (results/<run-id>, with comparison.json):
                         each number's change in percent; "real" only when it exceeds both runs' spread
                         (max - min), "within noise" when not, "unknown" when either run had one round.
                         Rows only one run has are listed. A missing or unreadable folder exits 2 at once
  --chaos                after the measurements, each target's resilience (./iolab chaos --help says
                         what it runs, about 70 s per target): a "Resilience" section in the report and
                         "resilience" in comparison.json
  --chaos-window D       how long --chaos watches the attacks after the last one started (default 35s)
Load only goes to 127.0.0.1 (launched targets) or to the URLs you pass; every step is bounded in time.
Environment: IOLAB_JAVA_OPTS adds JVM options to the load generator's JVM.
Examples:  ./iolab compare --quick
           ./iolab compare --targets mvc-platform,mvc-virtual,webflux-epoll,plain-epoll --scenarios delay
           ./iolab compare --targets plain-blocking,plain-epoll --scenarios c10k
           ./iolab compare --scenarios echo --engine wrk --concurrency 16,64,256
           ./iolab compare --targets plain-blocking,plain-epoll,plain-busypoll --scenarios echo --syscalls
           ./iolab compare --targets mvc-virtual,webflux-epoll --scenarios echo --repeat 3
           ./iolab compare --targets mvc-virtual,webflux-epoll --scenarios echo --repeat 3 --baseline results/20261201-101500
USAGE
}
wants_help "$@" && { usage; exit 0; }

require_java

# which target modules are needed: from --targets (or the quick/default sets); missing jars are built
quick=0 targets='' urls=0 gateway=0
prev=''
for a in "$@"; do
  case "$prev" in --targets) targets="$a" ;; esac
  case "$a" in
    --quick) quick=1 ;;
    --targets=*) targets="${a#*=}" ;;
    --base-url|--base-url=*) urls=1 ;;
    --via-gateway) gateway=1 ;;
  esac
  prev="$a"
done
modules=(contract loadtest)
if [[ -n "$targets" && "$targets" != all ]]; then
  add_target_modules "$targets"
elif (( quick )); then
  modules+=(blocking-service reactive-service)
  # plain-epoll joins when plain-io builds; without it the quick run says "not measured" and goes on
  is_built plain-io || (ensure_built plain-io) || warn "plain-io did not build: the quick compare runs without plain-epoll"
elif (( ! urls )); then
  # all: every built target; when none is built yet, build them all
  mapfile -t -O "${#modules[@]}" modules < <(built_target_modules)
fi
(( gateway )) && modules+=(gateway)
# shellcheck disable=SC2046
ensure_built $(printf '%s\n' "${modules[@]}" | sort -u)
[[ -d "$IOLAB_ROOT/loadtest/target/lib" ]] || die "loadtest/target/lib is missing: run ./mvnw -pl loadtest package -DskipTests"

# c10k holds thousands of sockets here and in the target (which inherits this limit): raise the soft
# open-files limit to the hard one where the system lets us, and say so where it does not
raise_open_files
(( $(ulimit -Sn) >= 10240 )) || warn "open-files limit is $(ulimit -Sn): c10k will hold fewer connections (raise the hard limit: ulimit -Hn)"

extra_opts=()
[[ -n "${IOLAB_JAVA_OPTS:-}" ]] && read -r -a extra_opts <<<"$IOLAB_JAVA_OPTS"
cd "$IOLAB_ROOT"
exec "$JAVA" --enable-native-access=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
  --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Djava.awt.headless=true -Xss4m "${extra_opts[@]}" \
  -Diolab.repo.root="$IOLAB_ROOT" \
  -cp "$IOLAB_ROOT/loadtest/target/loadtest.jar:$IOLAB_ROOT/loadtest/target/lib/*" \
  dev.iolab.loadtest.runner.CompareCommand "$@"
