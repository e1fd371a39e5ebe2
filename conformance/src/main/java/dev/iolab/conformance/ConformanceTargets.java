package dev.iolab.conformance;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * Supplies the targets to every {@link ConformanceTest}: loaded once per JVM into the root store, so all
 * test classes share the launched processes, which are stopped when the test run ends.
 */
public final class ConformanceTargets implements ArgumentsProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConformanceTargets.class);

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        List<TargetUnderTest> targets = all(context);
        if (context.getTestMethod()
                .map(method -> method.isAnnotationPresent(OncePerServer.class))
                .orElse(false)) {
            targets = onePerServer(targets);
        }
        return targets.stream().map(Arguments::of);
    }

    /** The first target of each {@link TargetUnderTest#server()}, in order. */
    static List<TargetUnderTest> onePerServer(List<TargetUnderTest> targets) {
        Set<String> servers = new HashSet<>();
        return targets.stream().filter(t -> servers.add(t.server())).toList();
    }

    /** Every target of this run, the same shared instances the rules get (launching them on first use). */
    static List<TargetUnderTest> all(ExtensionContext context) {
        TargetRegistry registry = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(TargetRegistry.class, key -> TargetRegistry.load(), TargetRegistry.class);
        return registry.targets();
    }
}
