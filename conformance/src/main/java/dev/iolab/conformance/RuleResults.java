package dev.iolab.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects one result per (target, rule) from a JUnit Platform run of the conformance classes, naming each
 * rule "{class display name}: {method display name}" and reading the target from the "[target] " prefix.
 */
public class RuleResults implements TestExecutionListener {

    /** PASS, FAIL or N/A (aborted by an assumption, or skipped). */
    public enum Outcome {
        PASS,
        FAIL,
        NA
    }

    /** The result of one rule against one target; {@code reason} is empty for a pass. */
    public record Result(String target, String rule, Outcome outcome, String reason, Throwable cause) {}

    /** Notes a test published (e.g. "partly N/A"), keyed by unique id, folded into a passing rule's reason. */
    private final java.util.Map<String, String> notes = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void reportingEntryPublished(TestIdentifier id, org.junit.platform.engine.reporting.ReportEntry entry) {
        entry.getKeyValuePairs()
                .forEach((key, value) -> notes.merge(id.getUniqueId(), key + ": " + value, (a, b) -> a + "; " + b));
    }

    private final List<Result> results = Collections.synchronizedList(new ArrayList<>());
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isConformance(id)) {
            add(new Result(target(id), rule(id), Outcome.NA, reason, null));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!isConformance(id)) {
            return;
        }
        // A failing container (e.g. no target configured, so no invocation at all) is reported as a failed rule.
        if (!id.isTest() && result.getStatus() != TestExecutionResult.Status.FAILED) {
            return;
        }
        Throwable cause = result.getThrowable().orElse(null);
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASS;
            case ABORTED -> Outcome.NA;
            case FAILED -> Outcome.FAIL;
        };
        String note = notes.getOrDefault(id.getUniqueId(), "");
        add(new Result(target(id), rule(id), outcome, cause == null ? note : firstLine(cause), cause));
    }

    protected void add(Result result) {
        results.add(result);
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results().stream().filter(r -> r.outcome() == outcome).count();
    }

    /** AssertJ's "[description] \nExpecting ..." layout: the description may span lines (it carries the response). */
    private static final Pattern DESCRIBED =
            Pattern.compile("^\\[(.*?)\\]\\s*\\n(?=\\s*(Expecting|expected|Expected))", Pattern.DOTALL);

    /** A failure squeezed onto one line: the first line of the description, then what was expected and found. */
    public static String firstLine(Throwable t) {
        String message = Optional.ofNullable(t.getMessage())
                .orElse(t.getClass().getSimpleName())
                .strip();
        Matcher m = DESCRIBED.matcher(message);
        String text;
        if (m.find()) {
            String description = m.group(1)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty())
                    .findFirst()
                    .orElse("");
            text = description.replaceAll(":$", "") + ": "
                    + message.substring(m.end()).replaceAll("\\s+", " ").strip();
        } else {
            text = message.replaceAll("\\s+", " ");
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private boolean isConformance(TestIdentifier id) {
        return id.getSource()
                        .filter(MethodSource.class::isInstance)
                        .map(MethodSource.class::cast)
                        .map(s -> s.getClassName().startsWith(RuleResults.class.getPackageName() + ".")
                                && s.getClassName().endsWith("ConformanceIT"))
                        .orElse(false)
                || id.getSource()
                        .map(s -> s.toString().contains("ConformanceIT"))
                        .orElse(false);
    }

    private String rule(TestIdentifier id) {
        TestPlan p = plan;
        TestIdentifier method = id.isTest() && p != null ? p.getParent(id).orElse(id) : id;
        Optional<TestIdentifier> clazz = p == null ? Optional.empty() : p.getParent(method);
        String className = clazz.filter(c -> !c.getDisplayName().isBlank()
                        && c.getSource().isPresent()
                        && c.getParentId().isPresent())
                .map(TestIdentifier::getDisplayName)
                .orElse("");
        return className.isEmpty() || method == clazz.orElse(null)
                ? method.getDisplayName()
                : className + ": " + method.getDisplayName();
    }

    private static String target(TestIdentifier id) {
        String name = id.getDisplayName();
        if (id.isTest() && name.startsWith("[")) {
            int end = name.indexOf(']');
            if (end > 0) {
                return name.substring(1, end);
            }
        }
        return "?";
    }
}
