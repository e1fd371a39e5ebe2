package dev.iolab.conformance.tools;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * An OS program a test needs, looked up on the PATH: missing, it skips the test with one line saying what to
 * install, except under {@code CI=true}, where a missing tool fails the test (CI installs every tool, so a
 * skip there would hide a broken machine behind a green build).
 */
public final class RequiredTool {

    private RequiredTool() {}

    /**
     * The first of {@code names} found on the PATH. Call it from a test, {@code @BeforeAll} or
     * {@code @BeforeEach}; {@code install} says how to get it, e.g. {@code "apt-get install chromium (./iolab verify does)"}.
     */
    public static Path onPath(String install, String... names) {
        return onPath(System.getenv(), install, names);
    }

    static Path onPath(Map<String, String> env, String install, String... names) {
        String path = env.getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        String missing = String.join(" / ", names) + " not found on the PATH: " + install;
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new AssertionError(missing + "; under CI=true a missing tool fails the test instead of skipping it");
        }
        // The reason of an aborted test is easy to miss in a build log: say it where it is read.
        System.err.println("SKIPPED: " + missing);
        Assumptions.abort(missing);
        throw new IllegalStateException("unreachable: Assumptions.abort throws");
    }
}
