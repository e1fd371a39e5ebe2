package dev.iolab.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The targets of this JVM's test run and the providers that own them; closing it stops what was launched. */
public final class TargetRegistry implements AutoCloseable {

    private final List<TargetUnderTest> targets;
    private final List<TargetProvider> providers;

    private TargetRegistry(List<TargetUnderTest> targets, List<TargetProvider> providers) {
        this.targets = List.copyOf(targets);
        this.providers = providers;
    }

    /**
     * Collects targets from, in order: the provider class named by {@value ConfiguredTargets#PROVIDER},
     * providers found by {@link ServiceLoader}, and the system properties read by {@link ConfiguredTargets}.
     * Fails with instructions when none is configured, so the suite can never pass by running nothing.
     */
    public static TargetRegistry load() {
        List<TargetProvider> providers = new ArrayList<>();
        String named = System.getProperty(ConfiguredTargets.PROVIDER);
        if (named != null && !named.isBlank()) {
            providers.add(instantiate(named.trim()));
        }
        ServiceLoader.load(TargetProvider.class).forEach(providers::add);
        providers.add(new ConfiguredTargets());
        List<TargetUnderTest> targets = new ArrayList<>();
        for (TargetProvider provider : providers) {
            targets.addAll(provider.targets());
        }
        TargetRegistry registry = new TargetRegistry(targets, providers);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(registry::close));
        if (targets.isEmpty()) {
            registry.close();
            throw new IllegalStateException(ConfiguredTargets.NOTHING_CONFIGURED);
        }
        return registry;
    }

    public List<TargetUnderTest> targets() {
        return targets;
    }

    @Override
    public synchronized void close() {
        for (TargetProvider provider : providers) {
            try {
                provider.close();
            } catch (RuntimeException e) {
                System.err.println("CONFORMANCE cannot stop targets of " + provider + ": " + e);
            }
        }
    }

    private static TargetProvider instantiate(String className) {
        try {
            return (TargetProvider) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    ConfiguredTargets.PROVIDER + "=" + className
                            + " must name a public TargetProvider class with a no-argument constructor",
                    e);
        }
    }
}
