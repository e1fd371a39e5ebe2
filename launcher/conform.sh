#!/usr/bin/env bash
# summary: check a running server against the contract: one PASS/FAIL line per rule
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab conform <base-url> --target <id> [more ConformanceCli options]

Runs the conformance suite (module conformance, dev.iolab.conformance.ConformanceCli) black-box
against a server that is already running, e.g. one started with ./iolab run, a container or a
gateway route. Prints one PASS/FAIL line per rule; exits non-zero when any rule fails.
  <base-url>     e.g. http://localhost:8082 or http://localhost:8080/mvc-virtual
  --target <id>  the target behind that URL (its X-IO-Model and metric tags are checked)
Builds the conformance module first if conformance/target/conformance.jar is missing.
See conformance/README.md for what each rule checks.
Example:  ./iolab run mvc-virtual &   ./iolab conform http://localhost:8082 --target mvc-virtual
USAGE
}

wants_help "$@" && { usage; exit 0; }
(( $# >= 1 )) || usage_error "which URL? (e.g. http://localhost:8082 --target mvc-virtual)"
[[ "$1" =~ ^https?:// ]] || usage_error "the first argument must be a base URL (http://...), not '$1'"
has_target=false
for a in "$@"; do [[ "$a" == --target || "$a" == --target=* ]] && has_target=true; done
$has_target || usage_error "--target <id> is required (./iolab targets lists the ids)"

require_java
ensure_built conformance
lib="$IOLAB_ROOT/conformance/target/lib"
[[ -d "$lib" ]] || die "conformance/target/lib is missing: the conformance build should copy its dependencies there"
exec "$JAVA" -cp "$IOLAB_ROOT/conformance/target/conformance.jar:$lib/*" dev.iolab.conformance.ConformanceCli "$@"
