package dev.iolab.conformance;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.iolab.contract.Target;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the conformance suite against an already running server, {@code ./iolab conform <base-url> --target <id>}:
 * one {@code PASS|FAIL|N/A} line per rule, a summary, exit 0 only when no rule failed (1), 2 for usage errors.
 */
public final class ConformanceCli {

    static final String USAGE = """
            usage: ConformanceCli <base-url> --target <id> [--only <ClassSimpleName>]... [--strictness-dir <dir>]
              <base-url>   where the target listens, e.g. http://127.0.0.1:8082 (a path prefix is allowed: a gateway route)
              --target     the id it must report in X-IO-Model and the iomodel tag: %s
              --management-url  where it serves health and metrics on its management port (default: not checked)
              --only       run only these classes (e.g. EchoConformanceIT); repeatable
              --strictness-dir  also write <dir>/<target>.properties with the RFC 9112 choices measured""";

    private ConformanceCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Runs the suite as {@link #main} does and returns the exit code. */
    public static int run(String[] args, PrintStream out) {
        String url = null;
        String target = null;
        String strictnessDir = "";
        String managementUrl = "";
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (arg) {
                case "--target" -> target = hasValue ? args[++i] : null;
                case "--only" -> only.add(hasValue ? args[++i] : "");
                case "--strictness-dir" -> strictnessDir = hasValue ? args[++i] : "";
                case "--management-url" -> managementUrl = hasValue ? args[++i] : "";
                case "-h", "--help" -> {
                    out.println(USAGE.formatted(String.join(", ", Target.ids())));
                    return 0;
                }
                default -> {
                    if (arg.startsWith("-") || url != null) {
                        return usage(out, "unexpected argument: " + arg);
                    }
                    url = arg;
                }
            }
        }
        if (url == null || target == null || target.isBlank()) {
            return usage(out, "a base URL and --target <id> are required");
        }
        if (Target.byId(target).isEmpty()) {
            return usage(out, "unknown target id: " + target);
        }
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                return usage(out, "not an http URL: " + url);
            }
        } catch (IllegalArgumentException e) {
            return usage(out, "not a URL: " + url);
        }
        System.setProperty(ConfiguredTargets.URL, url);
        System.setProperty(ConfiguredTargets.TARGET, target);
        System.setProperty(ConfiguredTargets.MANAGEMENT_URL, managementUrl);
        System.clearProperty(ConfiguredTargets.TARGETS);
        System.setProperty(Strictness.DIR_PROPERTY, strictnessDir);
        out.println("iolab conformance: " + target + " at " + url);
        CliReport report = new CliReport(out);
        execute(only, report);
        return report.finish();
    }

    /** Discovers the conformance classes (all, or {@code only}) and runs them with {@code listener}. */
    static void execute(List<String> only, RuleResults listener) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(ConformanceCli.class.getPackageName()))
                // parameterized invocations of a class run in order; keep the default, sequential execution
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        if (only.isEmpty()) {
            request.filters(includeClassNamePatterns(".*ConformanceIT"));
        } else {
            request.filters(includeClassNamePatterns(only.stream()
                    .map(name -> ".*\\." + name.replace(".", "\\.") + "$")
                    .toArray(String[]::new)));
        }
        LauncherDiscoveryRequest discovery = request.build();
        // Auto-registered listeners (the Maven-oriented summary) would repeat what the CLI prints.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        launcher.execute(discovery, listener);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("iolab conformance: " + problem);
        out.println(USAGE.formatted(String.join(", ", Target.ids())));
        return 2;
    }
}
