#!/usr/bin/env bash
# summary: Kubernetes: regenerate the manifests and Grafana dashboards from the registry, render an overlay, run the distributed load Job and merge its report
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat <<USAGE
usage: ./iolab k8s generate
       ./iolab k8s dashboards
       ./iolab k8s render [overlay]
       ./iolab k8s compare [--overlay local|bench] [--pods N] [--scenario ID] [--target ID] [--via direct|gateway]
                           [--users N] [--rate N] [--duration SECONDS] [--lead SECONDS] [--timeout SECONDS]
                           [--results DIR] [--keep-job] [--dry-run]
       ./iolab k8s merge <output-dir> <pod log | simulation.log | folder>...

generate  rewrites k8s/base/targets/ (a Deployment + Service per registry target, the gateway's
          upstream env and their kustomization) from dev.iolab.contract.Target; commit the result.
          ManifestGeneratorTests fails when the committed files are stale.
dashboards
          rewrites k8s/monitoring/dashboards/*.json (overview, Tomcat, virtual threads, Reactor Netty,
          plain-io, gateway) from dev.iolab.kubernetes.dashboards; commit the result.
          DashboardGeneratorTests fails, with the diff, when the committed JSON is stale.
render    prints 'kubectl kustomize k8s/overlays/<overlay>' (default: local).
compare   runs the load Job (k8s/base/load-job.yaml) as N pods, each its share (1/N of the users or
          rate) of one scenario, all starting at one instant, against a target already deployed with
          'kubectl apply -k k8s/overlays/<overlay>'; then fetches each pod's simulation.log from its
          log ('kubectl logs' still reads a finished pod's log, 'kubectl cp' needs a running one),
          merges them into one Gatling report and prints the totals next to the target's own count
          (its /actuator/prometheus through the API server's service proxy, before and after).
          Writes results/k8s-<time>/: pod-logs/, merged/index.html (the report), job/ (the
          kustomization applied). Needs kubectl and the current context on the cluster.
  --overlay O      the overlay whose Job is run (default local; the Job gets its images and resources)
  --pods N         parallelism = completions = IOLAB_LOAD_SHARDS (default 2)
  --scenario ID    echo, files, delay, upload (default: the Job's, echo)
  --target ID      a registry target (default: the Job's, webflux-epoll)
  --via V          direct (the target's Service) or gateway (default: the overlay's)
  --users N        closed model: users over all pods (default: the scenario's own, from the
                   loadtest module's Scenario, as in ./iolab compare)
  --rate N         open model: iterations per second over all pods (default: the Job's, 0 = closed)
  --duration S     seconds of load (default: the Job's, 30)
  --lead S         seconds from now to the common start: scheduling, image pull and JVM start of every
                   pod must fit (default 60)
  --timeout S      give up waiting for the Job after lead + duration + S seconds (default 600)
  --results DIR    where the run folder goes (default: results/ in the repository)
  --keep-job       leave the finished Job and its pods (default: once their logs are saved, the Job
                   goes back to the overlay's suspended template, so 'kubectl apply -k' works again)
  --dry-run        print the objects that would be applied (the Job patched) and stop: no cluster needed
merge     the merge alone: one report from pod logs ('kubectl logs <pod> > pod-<index>.log'), Gatling
          simulation.log files or folders of pod-*.log / simulation-*.log; prints totals and the report.
USAGE
}
wants_help "$@" && { usage; exit 0; }
(( $# >= 1 )) || usage_error "k8s needs a subcommand"

NAMESPACE=iolab
JOB=iolab-load

need_kubectl() {
  command -v kubectl >/dev/null || die "kubectl (with kustomize v5) is needed: https://kubernetes.io/docs/tasks/tools/"
}

is_uint() { [[ "$1" =~ ^[0-9]+$ ]]; }

# relpath FROM_DIR TO_PATH (both absolute, physical): kustomize takes only relative paths to other kustomizations
relpath() {
  local from="$1" to="$2" up=''
  while [[ "$from" != / && "$to" != "$from" && "$to" != "$from"/* ]]; do
    from="$(dirname "$from")"
    up="../$up"
  done
  local rest="${to#"$from"}"
  rest="${rest#/}"
  printf '%s' "${up}${rest:-.}"
}

# iso_in SECONDS: the UTC instant SECONDS from now, ISO-8601 (GNU date, else BSD date)
iso_in() {
  local at=$(( $(date -u +%s) + $1 ))
  date -u -d "@$at" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$at" +%Y-%m-%dT%H:%M:%SZ
}

# loadtest_java CLASS ARGS...: runs a loadtest main class (Gatling needs these JVM flags on JDK 25)
loadtest_java() {
  require_java
  ensure_built contract loadtest
  "$JAVA" --enable-native-access=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Djava.awt.headless=true \
    -cp "$IOLAB_ROOT/loadtest/target/loadtest.jar:$IOLAB_ROOT/loadtest/target/lib/*" "$@"
}

# rendered_env YAML NAME: the value of env variable NAME in rendered YAML (kubectl prints value: on the next line)
rendered_env() {
  awk -v name="$2" '$0 ~ "- name: " name "$" { getline; sub(/^ *value: */, ""); gsub(/"/, ""); print; exit }' <<<"$1"
}

# server_count TARGET PORT: requests the target counted outside /actuator, read through the API server's
# service proxy (needs RBAC on services/proxy); 0 before the first request; fails when it cannot be read
server_count() {
  local text
  text="$(kubectl get --raw "/api/v1/namespaces/$NAMESPACE/services/$1:$2/proxy/actuator/prometheus" 2>/dev/null)" \
    && [[ "$text" == *'# TYPE'* ]] || return 1
  awk '/^http_server_requests_seconds_count\{/ && $0 !~ /uri="\/actuator/ { n += $NF } END { printf "%d", n }' <<<"$text"
}

compare() {
  local overlay=local pods=2 scenario='' target='' via='' users='' rate='' duration='' lead=60 timeout=600
  local results="$IOLAB_ROOT/results" dry=0 keep=0
  while (( $# )); do
    case "$1" in
      --overlay) overlay="${2:?--overlay needs a value}"; shift 2 ;;
      --pods) pods="${2:?}"; shift 2 ;;
      --scenario) scenario="${2:?}"; shift 2 ;;
      --target) target="${2:?}"; shift 2 ;;
      --via) via="${2:?}"; shift 2 ;;
      --users) users="${2:?}"; shift 2 ;;
      --rate) rate="${2:?}"; shift 2 ;;
      --duration) duration="${2:?}"; shift 2 ;;
      --lead) lead="${2:?}"; shift 2 ;;
      --timeout) timeout="${2:?}"; shift 2 ;;
      --results) results="$(abs_path "${2:?}")"; shift 2 ;;
      --dry-run) dry=1; shift ;;
      --keep-job) keep=1; shift ;;
      *) usage_error "unknown k8s compare option: $1" ;;
    esac
  done
  local n
  for n in "$pods" "$lead" "$timeout" ${users:+"$users"} ${rate:+"$rate"} ${duration:+"$duration"}; do
    is_uint "$n" || usage_error "not a whole number: $n"
  done
  (( pods >= 1 )) || usage_error "--pods must be at least 1"
  [[ -z "$via" || "$via" == direct || "$via" == gateway ]] || usage_error "--via is direct or gateway"
  [[ -z "$scenario" || "$scenario" =~ ^(echo|files|delay|upload)$ ]] || usage_error "--scenario: echo, files, delay or upload"
  [[ -z "$target" ]] || target_info "$target"
  local overlay_dir="$IOLAB_ROOT/k8s/overlays/$overlay"
  [[ -f "$overlay_dir/kustomization.yaml" ]] || usage_error "no overlay k8s/overlays/$overlay"
  need_kubectl

  local run_dir
  run_dir="$results/k8s-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$run_dir/job" "$run_dir/pod-logs"
  run_dir="$(cd "$run_dir" && pwd -P)"
  local start_at
  start_at="$(iso_in "$lead")"

  # the run's Job: the overlay's (images, resources, placement) with this run's size and settings; env
  # entries merge by name (strategic merge), so the overlay's other variables stay as they are
  local env_lines=''
  add_env() { env_lines+=$'\n'"                  - name: $1"$'\n'"                    value: \"$2\""; }
  add_env IOLAB_LOAD_SHARDS "$pods"
  add_env IOLAB_LOAD_START_AT "$start_at"
  [[ -n "$scenario" ]] && add_env IOLAB_LOAD_SCENARIO "$scenario"
  [[ -n "$target" ]] && add_env IOLAB_LOAD_TARGET "$target"
  [[ -n "$via" ]] && add_env IOLAB_LOAD_VIA "$via"
  [[ -n "$users" ]] && add_env IOLAB_LOAD_USERS "$users"
  [[ -n "$rate" ]] && add_env IOLAB_LOAD_RATE "$rate"
  [[ -n "$duration" ]] && add_env IOLAB_LOAD_DURATION_SECONDS "$duration"
  cat >"$run_dir/job/kustomization.yaml" <<KUSTOMIZATION
# written by ./iolab k8s compare: the load Job of k8s/overlays/$overlay for one run
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $(relpath "$run_dir/job" "$(cd "$overlay_dir" && pwd -P)")
patches:
  - target:
      kind: Job
      name: $JOB
    patch: |-
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: $JOB
      spec:
        suspend: false
        parallelism: $pods
        completions: $pods
        template:
          spec:
            containers:
              - name: load
                env:${env_lines}
KUSTOMIZATION
  if (( dry )); then
    exec kubectl kustomize "$run_dir/job"
  fi

  kubectl get namespace "$NAMESPACE" >/dev/null 2>&1 \
    || die "namespace $NAMESPACE not found: deploy first (kubectl apply -k k8s/overlays/$overlay)"
  # the Job's settings as the pods will see them: the target for the server-side count, the duration to wait
  local rendered rendered_target rendered_duration
  rendered="$(kubectl kustomize "$run_dir/job")"
  rendered_target="$(rendered_env "$rendered" IOLAB_LOAD_TARGET)"
  rendered_duration="$(rendered_env "$rendered" IOLAB_LOAD_DURATION_SECONDS)"
  target_info "$rendered_target"
  kubectl -n "$NAMESPACE" rollout status "deployment/$rendered_target" --timeout=5m >/dev/null \
    || die "deployment $rendered_target is not ready in namespace $NAMESPACE"
  local before after
  before="$(server_count "$rendered_target" "$TARGET_PORT")" || before=

  # a Job's pod template cannot change: the previous run's Job (or the suspended template) goes first
  # (foreground: its pods are gone too, so that only this run's pods carry the Job's label)
  kubectl -n "$NAMESPACE" delete job "$JOB" --ignore-not-found --cascade=foreground --wait=true >/dev/null
  info "starting $pods load pods against $rendered_target at $start_at ($run_dir)"
  kubectl apply -k "$run_dir/job" -l "app.kubernetes.io/name=$JOB" >/dev/null

  local deadline=$(( $(date -u +%s) + lead + ${rendered_duration:-30} + timeout )) succeeded failed
  while :; do
    succeeded="$(kubectl -n "$NAMESPACE" get job "$JOB" -o 'jsonpath={.status.succeeded}')"
    failed="$(kubectl -n "$NAMESPACE" get job "$JOB" -o 'jsonpath={.status.failed}')"
    (( ${succeeded:-0} >= pods || ${failed:-0} > 0 )) && break
    (( $(date -u +%s) < deadline )) || die "the Job did not finish in time: kubectl -n $NAMESPACE describe job $JOB"
    sleep 5
  done
  after="$(server_count "$rendered_target" "$TARGET_PORT")" || after=

  # each finished pod's log carries its simulation.log (ShardCommand prints it last)
  local pod index phase fetched=0
  while IFS=$'\t' read -r pod index phase; do
    [[ -n "$pod" ]] || continue
    kubectl -n "$NAMESPACE" logs "$pod" >"$run_dir/pod-logs/pod-$index.log" \
      || die "could not read the log of $pod"
    [[ "$phase" == Succeeded ]] || warn "pod $pod (share $index) ended $phase; its log: $run_dir/pod-logs/pod-$index.log"
    fetched=$(( fetched + 1 ))
  done < <(kubectl -n "$NAMESPACE" get pods -l "batch.kubernetes.io/job-name=$JOB" -o \
    'jsonpath={range .items[*]}{.metadata.name}{"\t"}{.metadata.annotations.batch\.kubernetes\.io/job-completion-index}{"\t"}{.status.phase}{"\n"}{end}')
  (( ${failed:-0} == 0 )) || die "$failed load pod(s) failed: no merged report (logs in $run_dir/pod-logs; the Job is kept)"
  (( fetched == pods )) || die "found $fetched of $pods load pods: no merged report (logs in $run_dir/pod-logs; the Job is kept)"
  if (( ! keep )); then
    # the run's Job has another pod template than the overlay's, which 'kubectl apply -k' could not patch
    kubectl -n "$NAMESPACE" delete job "$JOB" --cascade=foreground --wait=true >/dev/null
    kubectl apply -k "$overlay_dir" -l "app.kubernetes.io/name=$JOB" >/dev/null
  fi

  loadtest_java dev.iolab.loadtest.distributed.MergeCommand "$run_dir" "$run_dir/pod-logs"
  if [[ -n "$before" && -n "$after" ]]; then
    printf 'server: %s counted %d requests during the run (its Prometheus counter, outside /actuator)\n' \
      "$rendered_target" $(( after - before ))
  else
    warn "no server-side count: $rendered_target's /actuator/prometheus was not readable through the API server (services/proxy)"
  fi
}

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
    need_kubectl
    exec kubectl kustomize "$IOLAB_ROOT/k8s/overlays/${2:-local}"
    ;;
  compare)
    shift
    compare "$@"
    ;;
  merge)
    shift
    (( $# >= 2 )) || usage_error "k8s merge needs an output folder and at least one shard"
    loadtest_java dev.iolab.loadtest.distributed.MergeCommand "$@"
    ;;
  *) usage_error "unknown k8s subcommand: $1" ;;
esac
