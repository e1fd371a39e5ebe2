# The image of plain-io, one shaded jar, built by ./iolab images; IOLAB_TARGET picks the model (ContainerTarget).
ARG BASE_IMAGE=eclipse-temurin:25-jre
FROM ${BASE_IMAGE}
ARG MODULE=plain-io
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.source="https://github.com/iolab/iolab" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.title="iolab/${MODULE}"
RUN mkdir -p /app /data && chown 10001:10001 /data
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
USER 10001:10001
VOLUME ["/data"]
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/app.jar"]
