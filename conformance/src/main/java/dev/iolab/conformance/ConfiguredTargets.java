package dev.iolab.conformance;

import dev.iolab.contract.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in target source, from system properties: either launch targets by id
 * ({@value #TARGETS} + {@value #REPO_ROOT}) or use one already running server ({@value #URL} + {@value #TARGET}).
 */
public final class ConfiguredTargets implements TargetProvider {

    /** Comma-separated target ids to launch as processes, e.g. {@code mvc-platform,mvc-virtual}. */
    public static final String TARGETS = "iolab.conformance.targets";
    /** Repository root, where {@code <module>/target/<module>.jar} is found. */
    public static final String REPO_ROOT = "iolab.repo.root";
    /** Base URL of an already running target (may carry a path prefix, e.g. a gateway route). */
    public static final String URL = "iolab.conformance.url";
    /** The target id the server at {@value #URL} must report in {@code X-IO-Model} and {@code iomodel}. */
    public static final String TARGET = "iolab.conformance.target";
    /** Optional: where the server at {@value #URL} serves health and metrics on its management port. */
    public static final String MANAGEMENT_URL = "iolab.conformance.management-url";
    /** Optional: a {@link TargetProvider} class to use as well. */
    public static final String PROVIDER = "iolab.conformance.provider";

    static final String NOTHING_CONFIGURED = "No conformance target configured, so there is nothing to check. Set -D"
            + TARGETS + "=<id,id...> and -D" + REPO_ROOT + "=<repo root> to launch targets, or -D" + URL
            + "=<base-url> and -D" + TARGET + "=<id> for a running server (see conformance/README.md). Known ids: "
            + String.join(", ", Target.ids());

    private final List<LaunchedTarget> launched = new ArrayList<>();

    @Override
    public List<TargetUnderTest> targets() {
        List<TargetUnderTest> targets = new ArrayList<>();
        String url = System.getProperty(URL, "").trim();
        if (!url.isEmpty()) {
            String id = System.getProperty(TARGET, "").trim();
            if (id.isEmpty()) {
                throw new IllegalStateException(
                        URL + " is set but " + TARGET + " is not: say which target id the server " + "at " + url
                                + " must report (" + String.join(", ", Target.ids()) + ")");
            }
            String management = System.getProperty(MANAGEMENT_URL, "").trim();
            targets.add(new UrlTarget(
                    id,
                    URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                    id,
                    management.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(URI.create(management))));
        }
        String ids = System.getProperty(TARGETS, "").trim();
        if (!ids.isEmpty()) {
            Path root = Path.of(System.getProperty(REPO_ROOT, ".."))
                    .toAbsolutePath()
                    .normalize();
            List<TargetUnderTest> starting = new ArrayList<>();
            // One at a time: on 2 busy cores JVMs booting side by side slow each other past any fair timeout.
            for (String id : Arrays.stream(ids.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList()) {
                Target target = Target.byId(id)
                        .orElseThrow(() -> new IllegalStateException(TARGETS + " names unknown target '" + id
                                + "' (known: " + String.join(", ", Target.ids()) + ")"));
                try {
                    LaunchedTarget t = LaunchedTarget.start(target, root);
                    launched.add(t);
                    starting.add(t.awaitReady());
                } catch (RuntimeException e) {
                    starting.add(
                            new FailedTarget(id, new AssertionError("cannot launch " + id + ": " + e.getMessage(), e)));
                }
            }
            targets.addAll(starting);
        }
        return targets;
    }

    @Override
    public synchronized void close() {
        launched.forEach(LaunchedTarget::close);
        launched.clear();
    }
}
