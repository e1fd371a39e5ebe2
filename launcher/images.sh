#!/usr/bin/env bash
# summary: builds the container images iolab/<module>:latest and :<version> on the local Docker daemon
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab images [--base IMAGE|local] [module...]
  --base IMAGE   the base image of every image (default eclipse-temurin:25-jre)
  --base local   build and use iolab/base-jre:25 (debootstrap + jlinked JDK 25, no registry needed);
                 iolab/prometheus then builds on iolab/base-debian:bookworm instead of debian:bookworm-slim
  module...      blocking-service reactive-service plain-io gateway loadtest prometheus (default: all six)
USAGE
}
wants_help "$@" && { usage; exit 0; }

base="eclipse-temurin:25-jre"
debian_base="debian:bookworm-slim"
modules=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) base="${2:?--base needs a value}"; shift 2 ;;
    -*) usage_error "unknown flag: $1" ;;
    *) modules+=("$1"); shift ;;
  esac
done
[[ ${#modules[@]} -gt 0 ]] || modules=(blocking-service reactive-service plain-io gateway loadtest prometheus)
if [[ "$base" == local ]]; then
  bash "$IOLAB_ROOT/launcher/_base-image.sh"
  base="iolab/base-jre:25"
  debian_base="iolab/base-debian:bookworm"
fi

command -v docker >/dev/null && docker info >/dev/null 2>&1 || die "no Docker daemon answers (docker info)"
require_java
jar_modules=()
for module in "${modules[@]}"; do [[ "$module" == prometheus ]] || jar_modules+=("$module"); done
(( ${#jar_modules[@]} == 0 )) || ensure_built contract "${jar_modules[@]}"
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$IOLAB_ROOT/pom.xml" | head -1)"
revision="$(git -C "$IOLAB_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
for module in "${modules[@]}"; do
  module_base="$base"
  extra_args=()
  case "$module" in
    plain-io) dockerfile=docker/plain.Dockerfile ;;
    loadtest) dockerfile=docker/loadtest.Dockerfile ;;
    prometheus) dockerfile=docker/prometheus.Dockerfile; module_base="$debian_base" ;;
    blocking-service|reactive-service|gateway)
      dockerfile=docker/spring.Dockerfile
      # The AOT cache's training run starts the module's first target of the registry (none for the gateway).
      extra_args=(--build-arg "TRAINING_TARGET=$(awk -F'\t' -v m="$module" '$2 == m { print $1; exit }' < <(target_list))") ;;
    *) usage_error "unknown image: $module (blocking-service reactive-service plain-io gateway loadtest prometheus)" ;;
  esac
  # what the image runs, from the registry: the target ids it serves (IOLAB_TARGET picks one) and their ports
  served=''
  case "$module" in
    gateway) served="gateway:$("$JAVA" -cp "$(module_artifact contract)" "$IOLAB_ROOT/launcher/_gateway.java" | head -n1)" ;;
    blocking-service|reactive-service|plain-io)
      served="$(target_list | awk -F'\t' -v m="$module" '$2 == m { printf "%s%s:%s", sep, $1, $4; sep = "," }')" ;;
  esac
  labels=()
  [[ -n "$served" ]] && labels=(--label "dev.iolab.targets=$served"
    --label "dev.iolab.management-port=port+1000 (health and metrics on threads of their own)")
  case "$module" in
    gateway) labels+=(--label "dev.iolab.upstream-env=IOLAB_GATEWAY_UPSTREAMS_<ID> (e.g. _PLAIN_EPOLL=http://plain-epoll:8094)") ;;
    blocking-service|reactive-service|plain-io) labels+=(--label "dev.iolab.target-env=IOLAB_TARGET (one of dev.iolab.targets)") ;;
  esac
  info "building iolab/$module:$version on $module_base"
  docker build -q -f "$IOLAB_ROOT/$dockerfile" --build-arg BASE_IMAGE="$module_base" --build-arg MODULE="$module" \
    "${labels[@]}" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" \
    "${extra_args[@]}" -t "iolab/$module:latest" -t "iolab/$module:$version" "$IOLAB_ROOT" >/dev/null
done
