# iolab/loadtest: the Gatling load generator (loadtest.jar and its lib/ under /app, as in loadtest/target), run by
# the Kubernetes load Job (k8s/base/load-job.yaml), one share of the scenario per pod. Results go to /results.
ARG BASE_IMAGE=eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.source="https://github.com/iolab/iolab" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.title="iolab/loadtest"
RUN mkdir -p /app /results && chown 10001:10001 /results
COPY loadtest/target/lib/ /app/lib/
COPY loadtest/target/loadtest.jar /app/loadtest.jar
USER 10001:10001
WORKDIR /results
VOLUME ["/results"]
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Gatling needs these opens on Java 25; exec form so SIGTERM reaches the JVM.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED", \
  "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", \
  "-Djava.awt.headless=true", "-cp", "/app/loadtest.jar:/app/lib/*"]
CMD ["dev.iolab.loadtest.distributed.ShardCommand"]
