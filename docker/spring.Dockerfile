# The image of a Spring Boot module (blocking-service, reactive-service, gateway), built by ./iolab images.
# The target is chosen at run time by env IOLAB_TARGET (Target.TARGET_ENV); the module main maps it to
# profile, port and /data through dev.iolab.contract.ContainerTarget.
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS extract
ARG MODULE
WORKDIR /work
COPY ${MODULE}/target/${MODULE}.jar app.jar
# Boot 4 tools jarmode: dependencies first, application last, so a code change rebuilds one small layer.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination /work/app

FROM ${BASE_IMAGE}
ARG MODULE
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.source="https://github.com/iolab/iolab" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.title="iolab/${MODULE}"
# A fixed non-root uid so a bind-mounted /data can be chowned/chmodded to match.
RUN mkdir -p /app /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=extract /work/app/dependencies/ ./
COPY --from=extract /work/app/spring-boot-loader/ ./
COPY --from=extract /work/app/snapshot-dependencies/ ./
COPY --from=extract /work/app/application/ ./
USER 10001:10001
VOLUME ["/data"]
# Container-aware heap; native access for io_uring/epoll transports.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Exec form: SIGTERM reaches the JVM, which drains gracefully.
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher"]
