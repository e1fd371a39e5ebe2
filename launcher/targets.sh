#!/usr/bin/env bash
# summary: list the targets: id, module, built or not, default port, the I/O model it embodies
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab targets [--markdown] [--ids]

Lists every target of the registry (dev.iolab.contract.Target), in registry order.
  --markdown   a Markdown table (id, module, model), as in README.md
  --ids        the ids only, one per line
Builds the contract module first if its jar is missing.
USAGE
}

format=table
while (( $# )); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --markdown) format=markdown ;;
    --ids) format=ids ;;
    *) usage_error "unexpected argument: $1" ;;
  esac
  shift
done

require_java
ensure_built contract
rows="$(target_list)"

case "$format" in
  ids) cut -f1 <<<"$rows" ;;
  markdown)
    printf '| id | module | I/O model it embodies |\n|---|---|---|\n'
    while IFS=$'\t' read -r id module _built _port model; do
      printf '| `%s` | `%s` | %s |\n' "$id" "$module" "$model"
    done <<<"$rows" ;;
  table)
    printf '%-16s %-17s %-10s %-5s %s\n' ID MODULE STATUS PORT MODEL
    while IFS=$'\t' read -r id module built port model; do
      printf '%-16s %-17s %-10s %-5s %s\n' "$id" "$module" "$built" "$port" "$model"
    done <<<"$rows" ;;
esac
