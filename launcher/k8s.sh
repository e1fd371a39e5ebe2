#!/usr/bin/env bash
# summary: Kubernetes: regenerate the per-target manifests of k8s/base from the registry, render an overlay
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab k8s generate
       ./iolab k8s render [overlay]

generate  rewrites k8s/base/targets/ (a Deployment + Service per registry target, the gateway's
          upstream env and their kustomization) from dev.iolab.contract.Target; commit the result.
          ManifestGeneratorTests fails when the committed files are stale.
render    prints 'kubectl kustomize k8s/overlays/<overlay>' (default: local).
USAGE
}
wants_help "$@" && { usage; exit 0; }
(( $# >= 1 )) || usage_error "k8s needs a subcommand"

case "$1" in
  generate)
    require_java
    # always rebuilt: the point is to follow the registry as it is now
    (cd "$IOLAB_ROOT" && ./mvnw -q -B -DskipTests -pl kubernetes -am package)
    cp="$IOLAB_ROOT/kubernetes/target/classes:$IOLAB_ROOT/contract/target/classes:$(cat "$IOLAB_ROOT/kubernetes/target/classpath.txt")"
    exec "$JAVA" -cp "$cp" dev.iolab.kubernetes.ManifestGenerator "$IOLAB_ROOT/k8s/base/targets"
    ;;
  render)
    command -v kubectl >/dev/null || die "kubectl (with kustomize v5) is needed: https://kubernetes.io/docs/tasks/tools/"
    exec kubectl kustomize "$IOLAB_ROOT/k8s/overlays/${2:-local}"
    ;;
  *) usage_error "unknown k8s subcommand: $1" ;;
esac
