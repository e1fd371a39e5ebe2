package dev.iolab.conformance;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Leaves out rules a run names in {@value #PROPERTY} (method names), with the reason from {@value #REASON}:
 * for a known, documented defect of one deployment (an open issue), so the rest of the suite can guard it.
 * Every left-out rule shows as skipped with its reason; nothing is left out unless a build says so.
 */
public final class ExcludedRules implements ExecutionCondition {

    /** Comma-separated rule (method) names to leave out in this run. */
    public static final String PROPERTY = "iolab.conformance.exclude";
    /** Why they are left out: shown with every skipped rule. */
    public static final String REASON = "iolab.conformance.exclude.reason";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Set<String> excluded = Arrays.stream(System.getProperty(PROPERTY, "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        String rule = context.getTestMethod().map(m -> m.getName()).orElse("");
        if (excluded.contains(rule)) {
            return ConditionEvaluationResult.disabled("KNOWN DEFECT, rule left out of this run: " + rule + ": "
                    + System.getProperty(REASON, "no reason given"));
        }
        return ConditionEvaluationResult.enabled("not excluded");
    }
}
