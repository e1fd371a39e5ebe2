#!/usr/bin/env bash
# summary: run the tests from a fresh machine: install the OS packages, start Docker, build the images, ./mvnw verify
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# ------------------------------------------------------------------------------------------------
# OS packages (Debian names) the tests need. Add here, with the test that needs it, nowhere else.
APT_PACKAGES=(
  chromium      # loadtest: index.html of a comparison renders in headless Chromium without console errors
  wrk           # loadtest: --engine wrk and the benchmarks' smoke checks
  fonts-dejavu-core  # loadtest: the report's JFreeChart charts draw text with a system font (found via fontconfig)
  docker.io     # images (issue 14): ./iolab images and the container tests need a Docker daemon
  debootstrap   # images: ./iolab images --base local builds iolab/base-jre:25 without a registry
  prometheus    # kubernetes: PrometheusConfigIT runs promtool on the scrape config, recording rules and alerts
  util-linux    # conformance: FaultsConformanceIT caps a target's file descriptors with prlimit
  mount         # conformance: FaultsConformanceIT mounts a 2 MiB tmpfs to fill (as root, which CI is)
  strace        # loadtest: ./iolab compare --syscalls counts a target's system calls by name (strace -c -f)
)
# The registry base ./iolab images uses when it is already on this machine; otherwise the local one.
REGISTRY_BASE="eclipse-temurin:25-jre"
DOCKERD_WAIT_SECONDS=60
# ------------------------------------------------------------------------------------------------

usage() {
  cat <<USAGE
usage: ./iolab verify [maven argument...]
  Prepares this machine for the tests, then runs them; exits with the status of ./mvnw.
  1. OS packages: ${APT_PACKAGES[*]}
     installed with apt-get when missing (as root or with passwordless sudo); otherwise it stops with one
     line naming what to install
  2. Docker: starts dockerd when no daemon answers (waits at most ${DOCKERD_WAIT_SECONDS} s, log /tmp/dockerd.log)
  3. the images: ./iolab images on $REGISTRY_BASE when that image is already here, else
     ./iolab images --base local (built from Debian and this JDK, no registry needed)
  4. ./mvnw -B -ntp verify [maven argument...]
  Where the packages and a Docker daemon are already there, ./mvnw verify alone runs the same tests.
  A JDK 25 is found as every command finds it (./iolab --help).
USAGE
}
wants_help "$@" && { usage; exit 0; }

require_java
cd "$IOLAB_ROOT"

# can_be_root: true as root or with passwordless sudo; as_root CMD...: runs CMD as root, one of those two ways
can_be_root() { (( EUID == 0 )) || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }
as_root() { if (( EUID == 0 )); then "$@"; else sudo -n "$@"; fi; }

# 1. OS packages, with one apt-get update, only when something is missing
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
command -v dpkg-query >/dev/null \
  || die "not a Debian/Ubuntu machine: install the equivalents of ${APT_PACKAGES[*]} and start Docker, then run ./mvnw verify"
missing=()
for p in "${APT_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if (( ${#missing[@]} )); then
  can_be_root \
    || die "missing OS packages: ${missing[*]}; install them (sudo apt-get install ${missing[*]}), then run ./iolab verify again"
  info "installing: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  info "OS packages: all installed, apt skipped"
fi
for p in "${APT_PACKAGES[@]}"; do
  printf '%s: %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo missing)"
done

# 2. Docker: start dockerd when none answers, wait bounded. setsid: it outlives this command (and a timeout
#    around it), as a daemon should.
if ! docker info >/dev/null 2>&1; then
  can_be_root \
    || die "no Docker daemon answers (docker info): start it (sudo systemctl start docker), then run ./iolab verify again"
  info "starting dockerd (log /tmp/dockerd.log)"
  as_root setsid dockerd >/tmp/dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 "$DOCKERD_WAIT_SECONDS"); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || die "dockerd did not answer within $DOCKERD_WAIT_SECONDS s, see /tmp/dockerd.log"
fi
docker version --format 'docker server {{.Server.Version}} (API {{.Server.APIVersion}})'

# 3. the images the container tests run, on the registry base when it is here, else on the local one
if docker image inspect "$REGISTRY_BASE" >/dev/null 2>&1; then
  timeout 20m "$IOLAB_ROOT/iolab" images
else
  timeout 20m "$IOLAB_ROOT/iolab" images --base local
fi

# 4. the tests
info "./mvnw -B -ntp verify $*"
exec "$IOLAB_ROOT/mvnw" -B -ntp verify "$@"
