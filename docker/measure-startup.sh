#!/usr/bin/env bash
# Time to ready of two images of one target, run alternately (A, B, A, B, ...) so that a shared, loaded machine
# slows both alike: from `docker run -d` to the first 200 on /actuator/health/readiness, polled every 100 ms,
# with the flags users run (read-only root, /tmp tmpfs with exec, a fresh /data bind mount, 768 MiB, the target's
# port published on 127.0.0.1). Prints every run, then the median of each image and the ratio B/A.
set -euo pipefail

usage() {
  cat <<USAGE
usage: docker/measure-startup.sh [--pairs N] [--target ID] [--port PORT] IMAGE_A IMAGE_B
  --pairs N     runs of each image, alternating (default 5)
  --target ID   IOLAB_TARGET of both containers (omit for the gateway)
  --port PORT   the container port to probe (default: the target's port from ./iolab targets, 8080 without one)
example: docker/measure-startup.sh --target mvc-virtual iolab/blocking-service:latest iolab/blocking-service:aot
USAGE
}

pairs=5 target="" port=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pairs) pairs="${2:?}"; shift 2 ;;
    --target) target="${2:?}"; shift 2 ;;
    --port) port="${2:?}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 2 ]] || { usage >&2; exit 2; }
images=("$1" "$2")
if [[ -z "$port" ]]; then
  if [[ -n "$target" ]]; then
    port="$("$(dirname "${BASH_SOURCE[0]}")/../iolab" targets | awk -v id="$target" '$1 == id { print $4 }')"
    [[ -n "$port" ]] || { echo "unknown target: $target" >&2; exit 2; }
  else
    port=8080
  fi
fi
timeout_s=300

# One run of image $1: prints the seconds to ready (3 decimals), or fails.
time_to_ready() {
  local image="$1" data cid host_port start now
  data="$(mktemp -d "${TMPDIR:-/tmp}/iolab-startup.XXXXXX")"
  chmod 777 "$data" # the images run as uid 10001
  local env=()
  [[ -z "$target" ]] || env=(-e "IOLAB_TARGET=$target")
  start=$(date +%s%N)
  cid="$(docker run -d --read-only --tmpfs /tmp:exec -v "$data:/data" -m 768m "${env[@]}" \
    -p "127.0.0.1::$port" "$image")"
  host_port="$(docker port "$cid" "$port/tcp" | head -1)"
  host_port="${host_port##*:}"
  while :; do
    if curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$host_port/actuator/health/readiness"; then
      now=$(date +%s%N)
      break
    fi
    if (( ($(date +%s%N) - start) / 1000000000 > timeout_s )) || [[ "$(docker inspect -f '{{.State.Running}}' "$cid")" != true ]]; then
      echo "$image did not get ready; its log:" >&2
      docker logs --tail 30 "$cid" >&2 || true
      docker rm -f "$cid" >/dev/null; rm -rf "$data"
      return 1
    fi
    sleep 0.1
  done
  docker rm -f "$cid" >/dev/null
  rm -rf "$data"
  awk -v ns=$((now - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

a_times=() b_times=()
for ((i = 1; i <= pairs; i++)); do
  a="$(time_to_ready "${images[0]}")"; a_times+=("$a")
  b="$(time_to_ready "${images[1]}")"; b_times+=("$b")
  echo "pair $i: A ${a}s  B ${b}s"
done
ma="$(printf '%s\n' "${a_times[@]}" | median)"
mb="$(printf '%s\n' "${b_times[@]}" | median)"
echo "target ${target:-gateway} port $port pairs $pairs"
echo "A ${images[0]}: median ${ma}s (${a_times[*]})"
echo "B ${images[1]}: median ${mb}s (${b_times[*]})"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "B/A %.2f\n", b / a }'
