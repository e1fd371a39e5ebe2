# iolab/prometheus: Debian's prometheus package on a Debian base, for machines where prom/prometheus cannot be
# pulled (./iolab images --base local uses iolab/base-debian:bookworm). Users with a registry may use
# prom/prometheus instead: the container tests and ./iolab up --monitoring take the image name as a setting.
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.source="https://github.com/iolab/iolab" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.title="iolab/prometheus"
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends prometheus >/dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && mkdir -p /prometheus /etc/prometheus/rules && chown 65534:65534 /prometheus
# The monitoring files of the repository: a user's own configuration is mounted over them.
COPY k8s/monitoring/prometheus/prometheus.yml /etc/prometheus/prometheus.yml
COPY k8s/monitoring/prometheus/rules/ /etc/prometheus/rules/
USER 65534:65534
VOLUME ["/prometheus"]
EXPOSE 9090
ENTRYPOINT ["/usr/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--web.listen-address=:9090"]
