#!/usr/bin/env bash
# Builds the offline base images iolab/base-debian:bookworm (debootstrap minbase) and iolab/base-jre:25 (that plus a
# jlinked JDK 25 runtime)
# for machines without a registry; `./iolab images --base local` uses it. Skips an image that already exists.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BASE_IMAGE="${IOLAB_BASE_IMAGE_LOCAL:-iolab/base-jre:25}"
SUITE="${IOLAB_DEBIAN_SUITE:-bookworm}"
MIRROR="${IOLAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# The modules Spring Boot, Netty, Tomcat and Gatling reach at run time; checked by starting every image.
JLINK_MODULES="${IOLAB_JLINK_MODULES:-java.base,java.logging,java.management,java.naming,java.net.http,java.instrument,java.sql,java.desktop,java.security.jgss,java.xml,java.compiler,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets}"

DEBIAN_IMAGE="${IOLAB_BASE_DEBIAN_LOCAL:-iolab/base-debian:$SUITE}"

# Debian minbase from the Debian mirror (debootstrap), imported as an image: the base of iolab/prometheus and of
# the JRE base below. Kept when it exists.
build_base_debian() {
  if docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
    info "base image $DEBIAN_IMAGE exists, kept"
    return 0
  fi
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
  local root; root="$(mktemp -d "${TMPDIR:-/tmp}/iolab-base.XXXXXX")"
  info "debootstrap --variant=minbase $SUITE into $root"
  debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$root.log" 2>&1 \
    || die "debootstrap failed, see $root.log"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$root" "$root.log"
  info "built $DEBIAN_IMAGE"
}

# The Debian base plus a jlinked runtime of the local JDK 25 (the modules below) and its default CDS archive.
build_base_jre() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    info "base image $BASE_IMAGE exists, kept"
    return 0
  fi
  require_java
  local context; context="$(mktemp -d "${TMPDIR:-/tmp}/iolab-jre.XXXXXX")"
  info "jlink $JLINK_MODULES"
  "$JAVA_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$context/java"
  cat >"$context/Dockerfile" <<DOCKERFILE
FROM $DEBIAN_IMAGE
COPY java /opt/java
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
RUN java -Xshare:dump >/dev/null 2>&1 || true
DOCKERFILE
  docker build -q -t "$BASE_IMAGE" "$context" >/dev/null
  rm -rf "$context"
  info "built $BASE_IMAGE"
}

build_base_debian
build_base_jre
