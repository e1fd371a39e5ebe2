package dev.iolab.conformance;

import java.util.List;

/**
 * A source of targets for the suite. The built-in sources read system properties (see
 * {@link ConfiguredTargets}); another source plugs in through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.iolab.conformance.TargetProvider}) or by naming its class in the
 * system property {@value ConfiguredTargets#PROVIDER}. It needs a public no-argument constructor.
 */
public interface TargetProvider extends AutoCloseable {

    /** The targets to run the suite against; empty when this source is not configured. Called once per JVM. */
    List<TargetUnderTest> targets();

    /** Stops whatever the provider started. */
    @Override
    default void close() {}
}
