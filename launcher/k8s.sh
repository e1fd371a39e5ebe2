#!/usr/bin/env bash
# summary: Kubernetes: regenerate the per-target manifests and the Grafana dashboards from the registry, render an overlay
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab k8s generate
       ./iolab k8s dashboards
       ./iolab k8s render [overlay]

generate  rewrites k8s/base/targets/ (a Deployment + Service per registry target, the gateway's
          upstream env and their kustomization) from dev.iolab.contract.Target; commit the result.
          ManifestGeneratorTests fails when the committed files are stale.
dashboards
          rewrites k8s/monitoring/dashboards/*.json (overview, Tomcat, virtual threads, Reactor Netty,
          plain-io, gateway) from dev.iolab.kubernetes.dashboards; commit the result.
          DashboardGeneratorTests fails, with the diff, when the committed JSON is stale.
render    prints 'kubectl kustomize k8s/overlays/<overlay>' (default: local).
USAGE
}
wants_help "$@" && { usage; exit 0; }
(( $# >= 1 )) || usage_error "k8s needs a subcommand"

case "$1" in
  generate|dashboards)
    require_java
    # always rebuilt: the point is to follow the registry (and the dashboard code) as it is now
    (cd "$IOLAB_ROOT" && ./mvnw -q -B -DskipTests -pl kubernetes -am package)
    cp="$IOLAB_ROOT/kubernetes/target/classes:$IOLAB_ROOT/contract/target/classes:$(cat "$IOLAB_ROOT/kubernetes/target/classpath.txt")"
    if [[ $1 == generate ]]; then
      exec "$JAVA" -cp "$cp" dev.iolab.kubernetes.ManifestGenerator "$IOLAB_ROOT/k8s/base/targets"
    fi
    exec "$JAVA" -cp "$cp" dev.iolab.kubernetes.dashboards.DashboardGenerator "$IOLAB_ROOT/k8s/monitoring/dashboards"
    ;;
  render)
    command -v kubectl >/dev/null || die "kubectl (with kustomize v5) is needed: https://kubernetes.io/docs/tasks/tools/"
    exec kubectl kustomize "$IOLAB_ROOT/k8s/overlays/${2:-local}"
    ;;
  *) usage_error "unknown k8s subcommand: $1" ;;
esac
