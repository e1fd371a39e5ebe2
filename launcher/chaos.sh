#!/usr/bin/env bash
# summary: attack each target with hostile clients and a SIGKILL under load; writes results/<run-id>-chaos/ (resilience)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab chaos [--targets ids|all] [--via-gateway] [--window 35s] [--base-url id=URL ...]
                     [--results DIR] [--cpus-target LIST --cpus-load LIST | --no-pin]

Runs each target alone, in turn (launched as ./iolab compare launches it, or reached at --base-url):
while a normal client (GET /echo every 50 ms on one connection) and a health probe (readiness on the
management port every 250 ms, 1 s timeout) run, four attacks start 2.5 s apart and overlap: 200
slowloris connections, 4 uploads that trickle then stall, 4 never-reading senders of a 16 MiB echo, 4
slow readers of a 16 MiB file. Then SIGKILL with the normal client running and an upload half sent,
and the same command started again on the same port and data directory. Per target it reports each
attack's effect on the normal client's p99 and errors, the threads and RSS the target held for it,
when the target closed the attack's connections against the contract's bound, health throughout,
and the kill's recovery time, failed requests and files (the finished upload whole, the cut one
invisible, no temporaries left). About 70 s per target. Exit 1 when a target got something wrong.
  --targets ids|all  comma-separated target ids (default: all built ones)
  --via-gateway      attack and kill each target behind its own gateway (the gateway's health probed)
  --window D         how long to watch after the last attack started (default 35s: the 20 s header
                     timeout plus margin; 80s also holds stalled transfers to the 60 s keep-alive timeout)
  --base-url id=URL  attack a target someone else runs (no kill: it is not a process of this machine)
  --results DIR      where run folders go (default: results/ in the repository)
  --cpus-target/--cpus-load/--no-pin   as ./iolab compare (target on the upper half of the CPUs)
The same section is added to a comparison's report by ./iolab compare --chaos.
Load and attacks only go to 127.0.0.1 (launched targets) or to the URLs you pass; every step is bounded.
Examples:  ./iolab chaos --targets plain-blocking,plain-epoll
           ./iolab chaos --targets mvc-virtual --via-gateway --window 80s
USAGE
}
wants_help "$@" && { usage; exit 0; }

require_java
targets='' gateway=0 prev=''
for a in "$@"; do
  case "$prev" in --targets) targets="$a" ;; esac
  case "$a" in
    --targets=*) targets="${a#*=}" ;;
    --via-gateway) gateway=1 ;;
  esac
  prev="$a"
done
modules=(contract conformance loadtest)
if [[ -n "$targets" && "$targets" != all ]]; then
  add_target_modules "$targets"
else
  mapfile -t -O "${#modules[@]}" modules < <(built_target_modules)
fi
(( gateway )) && modules+=(gateway)
# shellcheck disable=SC2046
ensure_built $(printf '%s\n' "${modules[@]}" | sort -u)
[[ -d "$IOLAB_ROOT/loadtest/target/lib" ]] || die "loadtest/target/lib is missing: run ./mvnw -pl loadtest package -DskipTests"

# 200 slowloris connections and their threads: make sure the soft open-files limit is not the bottleneck
raise_open_files

extra_opts=()
[[ -n "${IOLAB_JAVA_OPTS:-}" ]] && read -r -a extra_opts <<<"$IOLAB_JAVA_OPTS"
cd "$IOLAB_ROOT"
exec "$JAVA" -Djava.awt.headless=true "${extra_opts[@]}" -Diolab.repo.root="$IOLAB_ROOT" \
  -cp "$IOLAB_ROOT/loadtest/target/loadtest.jar:$IOLAB_ROOT/loadtest/target/lib/*" \
  dev.iolab.loadtest.chaos.ChaosCommand "$@"
