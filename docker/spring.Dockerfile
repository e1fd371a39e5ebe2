# The image of a Spring Boot module (blocking-service, reactive-service, gateway), built by ./iolab images.
# The target is chosen at run time by env IOLAB_TARGET (Target.TARGET_ENV); the module main maps it to
# profile, port and /data through dev.iolab.contract.ContainerTarget.
# Starts with the JDK's ahead-of-time cache (JEP 483/514, Java 25), made by a training run at build time: it
# reached readiness in about half the time of the same image without it (medians in docs/containers.md).
ARG BASE_IMAGE=eclipse-temurin:25-jre

FROM ${BASE_IMAGE} AS extract
ARG MODULE
WORKDIR /work
COPY ${MODULE}/target/${MODULE}.jar app.jar
# Boot 4 tools jarmode: dependencies first, application last, so a code change rebuilds one small layer. Without
# --launcher: app.jar's manifest puts lib/*.jar on the class path, and the AOT cache stores only classes loaded from
# the class path, not from the nested jars of Boot's JarLauncher.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination /work/app

FROM ${BASE_IMAGE}
ARG MODULE
ARG VERSION=dev
ARG REVISION=unknown
# The target the training run starts (./iolab images passes the module's first one); empty for the gateway.
ARG TRAINING_TARGET=
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
# Container-aware heap; native access for io_uring/epoll transports.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Training run: the same java options and class path as the entrypoint, one target's profile, exit once the context
# has refreshed (Spring's spring.context.exit=onRefresh) and write the AOT cache. One cache serves every target of
# the module: the profiles share the class path, and the classes only another target loads come from the jars as
# without a cache. The run's fixture files in /data and its /tmp files are not part of the image.
RUN IOLAB_TARGET="${TRAINING_TARGET}" java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
      --enable-native-access=ALL-UNNAMED -jar /app/app.jar \
 && rm -rf /data && mkdir /data && chown 10001:10001 /data && find /tmp -mindepth 1 -delete
USER 10001:10001
VOLUME ["/data"]
# Exec form: SIGTERM reaches the JVM, which drains gracefully. A cache the JVM cannot use (another JDK, other
# options) is skipped with a warning and the application starts without it.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/app.jar"]
