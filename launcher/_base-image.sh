#!/usr/bin/env bash
# Builds the offline base images iolab/base-jre:25 (debootstrap minbase bookworm + a jlinked JDK 25 runtime)
# for machines without a registry; `./iolab images --base local` uses it. Skips an image that already exists.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BASE_IMAGE="${IOLAB_BASE_IMAGE_LOCAL:-iolab/base-jre:25}"
SUITE="${IOLAB_DEBIAN_SUITE:-bookworm}"
MIRROR="${IOLAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# The modules Spring Boot, Netty, Tomcat and Gatling reach at run time; checked by starting every image.
JLINK_MODULES="${IOLAB_JLINK_MODULES:-java.base,java.logging,java.management,java.naming,java.net.http,java.instrument,java.sql,java.desktop,java.security.jgss,java.xml,java.compiler,java.scripting,jdk.unsupported,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.zipfs,jdk.localedata,jdk.charsets}"

build_base_jre() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    info "base image $BASE_IMAGE exists, kept"
    return 0
  fi
  require_java
  command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
  local root; root="$(mktemp -d "${TMPDIR:-/tmp}/iolab-base.XXXXXX")"
  info "debootstrap --variant=minbase $SUITE into $root"
  debootstrap --variant=minbase "$SUITE" "$root" "$MIRROR" >"$root.log" 2>&1 \
    || die "debootstrap failed, see $root.log"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  info "jlink $JLINK_MODULES"
  "$JAVA_HOME/bin/jlink" --add-modules "$JLINK_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$root/opt/java"
  # The AOT cache and CDS archive of the runtime help start-up; generate the default CDS archive.
  "$root/opt/java/bin/java" -Xshare:dump >/dev/null 2>&1 || true
  tar -C "$root" -c . | docker import \
    -c 'ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    - "$BASE_IMAGE" >/dev/null
  rm -rf "$root" "$root.log"
  info "built $BASE_IMAGE"
}

build_base_jre
