# shellcheck shell=bash
# Prometheus and Grafana for `./iolab up --monitoring`, stopped by `./iolab down`. Source after common.sh.
#   run/monitoring/prometheus.yml   the scrape configuration of what up started (rules: k8s/monitoring/prometheus/rules)
#   run/monitoring/prometheus.pid   a local prometheus binary's PID, or run/monitoring/containers: container names
# Prometheus: Debian's binary when installed (apt-get install prometheus), else a container (IOLAB_PROMETHEUS_IMAGE,
# default iolab/prometheus:latest from ./iolab images, else prom/prometheus). Grafana: a container of
# IOLAB_GRAFANA_IMAGE (default grafana/grafana:12.2.0) with the provisioning of k8s/monitoring/grafana, when the
# image is there or can be pulled; otherwise it says so and prints the command.

IOLAB_MONITORING_DIR="$IOLAB_RUN_DIR/monitoring"
PROMETHEUS_PORT="${IOLAB_PROMETHEUS_PORT:-9090}"
GRAFANA_PORT="${IOLAB_GRAFANA_PORT:-3000}"

# monitoring_up HOST:PORT...: writes the config and starts Prometheus scraping those, then Grafana
monitoring_up() {
  local dir="$IOLAB_MONITORING_DIR" mon="$IOLAB_ROOT/k8s/monitoring"
  mkdir -p "$dir/data" "$dir/grafana/datasources" "$dir/grafana/dashboards"
  rm -rf "$dir/rules"; cp -r "$mon/prometheus/rules" "$dir/rules"
  {
    printf 'global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\nrule_files:\n  - rules/*.yml\n'
    printf 'scrape_configs:\n  - job_name: iolab\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets:\n'
    local t; for t in "$@"; do printf "          - '%s'\n" "$t"; done
  } > "$dir/prometheus.yml"
  port_in_use "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT (Prometheus) is in use; set IOLAB_PROMETHEUS_PORT"
  if command -v prometheus >/dev/null; then
    setsid prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
      --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" > "$dir/prometheus.log" 2>&1 < /dev/null &
    printf '%s\n' "$!" > "$dir/prometheus.pid"
    info "started Prometheus $(prometheus --version 2>&1 | head -n1 | awk '{print $3}') (pid $!), log run/monitoring/prometheus.log"
  elif docker info >/dev/null 2>&1; then
    local image="${IOLAB_PROMETHEUS_IMAGE:-}"
    if [[ -z "$image" ]]; then
      image=iolab/prometheus:latest
      docker image inspect "$image" >/dev/null 2>&1 || image=prom/prometheus:latest
    fi
    chmod -R a+rwX "$dir"
    docker run -d --name iolab-prometheus --network host -v "$dir:/etc/prometheus:ro" -v "$dir/data:/prometheus" \
      "$image" --config.file=/etc/prometheus/prometheus.yml --storage.tsdb.path=/prometheus \
      --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >/dev/null \
      || die "cannot start Prometheus: install it (apt-get install prometheus) or build iolab/prometheus (./iolab images prometheus)"
    echo iolab-prometheus >> "$dir/containers"
    info "started Prometheus in container iolab-prometheus ($image)"
  else
    die "no Prometheus: install it (apt-get install prometheus) or start a Docker daemon for its container"
  fi
  local i; for i in $(seq 1 60); do curl -sf -o /dev/null "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" && break; sleep 0.5; done
  curl -sf -o /dev/null "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" || die "Prometheus did not become ready (run/monitoring/)"
  info "Prometheus: http://localhost:$PROMETHEUS_PORT/  (scraping $# processes every 2 s)"
  grafana_up
}

# grafana_up: the provisioned Grafana as a container on the host network, or how to run it
grafana_up() {
  local dir="$IOLAB_MONITORING_DIR/grafana" mon="$IOLAB_ROOT/k8s/monitoring" image="${IOLAB_GRAFANA_IMAGE:-grafana/grafana:12.2.0}"
  sed "s#url: http://prometheus:9090#url: http://127.0.0.1:$PROMETHEUS_PORT#" \
    "$mon/grafana/provisioning/datasources/iolab.yml" > "$dir/datasources/iolab.yml"
  cp "$mon/grafana/provisioning/dashboards/iolab.yml" "$dir/dashboards/iolab.yml"
  chmod -R a+rX "$dir"
  local run=(docker run -d --name iolab-grafana --network host -e "GF_SERVER_HTTP_PORT=$GRAFANA_PORT"
    -e GF_SERVER_HTTP_ADDR=127.0.0.1 -v "$dir:/etc/grafana/provisioning:ro" -v "$mon/dashboards:/var/lib/grafana/dashboards:ro" "$image")
  if ! docker info >/dev/null 2>&1; then
    warn "Grafana not started: no Docker daemon. With one:  ${run[*]}"
    return 0
  fi
  if ! docker image inspect "$image" >/dev/null 2>&1 && ! docker pull -q "$image" >/dev/null 2>&1; then
    warn "Grafana not started: $image is not here and cannot be pulled (no registry?). Where it can be:"
    warn "  ${run[*]}"
    return 0
  fi
  "${run[@]}" >/dev/null || { warn "cannot start Grafana: ${run[*]}"; return 0; }
  echo iolab-grafana >> "$IOLAB_MONITORING_DIR/containers"
  info "Grafana: http://localhost:$GRAFANA_PORT/  (admin/admin; dashboards in folder iolab)"
}

# monitoring_down: stops what monitoring_up started
monitoring_down() {
  local dir="$IOLAB_MONITORING_DIR" pid c
  if [[ -f "$dir/prometheus.pid" ]]; then
    pid="$(head -n1 "$dir/prometheus.pid")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && [[ "$(process_args "$pid")" == *prometheus*"$dir"* ]]; then
      kill -TERM "$pid" 2>/dev/null || true
      info "prometheus: SIGTERM to pid $pid"
    fi
    rm -f "$dir/prometheus.pid"
  fi
  if [[ -f "$dir/containers" ]]; then
    while read -r c; do
      [[ -n "$c" ]] && docker rm -f "$c" >/dev/null 2>&1 && info "$c: removed"
    done < "$dir/containers"
    rm -f "$dir/containers"
  fi
  return 0
}
