package dev.iolab.conformance;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.launcher.TestPlan;

/**
 * Registered through {@code META-INF/services}, so any JUnit Platform run of the suite (failsafe in a target
 * module) ends with one {@code CONFORMANCE <target>: n passed, n failed, n n/a} line per target, its failures
 * and the measured strictness, making visible in the build output which targets the suite ran against.
 */
public class ConformanceSummaryListener extends RuleResults {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (results().isEmpty()) {
            return;
        }
        Map<String, java.util.List<Result>> byTarget =
                new TreeMap<>(results().stream().collect(Collectors.groupingBy(Result::target)));
        StringBuilder sb = new StringBuilder("\n");
        byTarget.forEach((target, results) -> {
            long pass =
                    results.stream().filter(r -> r.outcome() == Outcome.PASS).count();
            long fail =
                    results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
            long na = results.stream().filter(r -> r.outcome() == Outcome.NA).count();
            sb.append("CONFORMANCE ")
                    .append(target)
                    .append(": ")
                    .append(pass)
                    .append(" passed, ")
                    .append(fail)
                    .append(" failed, ")
                    .append(na)
                    .append(" n/a\n");
            // One line per failed rule, except a reason shared by many (a target that never started) is said once.
            Map<String, Long> reasons = results.stream()
                    .filter(r -> r.outcome() == Outcome.FAIL)
                    .collect(Collectors.groupingBy(Result::reason, Collectors.counting()));
            reasons.forEach((reason, n) -> {
                if (n > 3) {
                    sb.append("CONFORMANCE ")
                            .append(target)
                            .append(" FAIL  ")
                            .append(n)
                            .append(" rules: ")
                            .append(reason)
                            .append('\n');
                }
            });
            results.stream()
                    .filter(r -> r.outcome() != Outcome.PASS && reasons.getOrDefault(r.reason(), 0L) <= 3)
                    .forEach(r -> sb.append("CONFORMANCE ")
                            .append(target)
                            .append(r.outcome() == Outcome.FAIL ? " FAIL  " : " N/A   ")
                            .append(r.rule())
                            .append(": ")
                            .append(r.reason())
                            .append('\n'));
        });
        sb.append(Strictness.lines());
        System.out.print(sb);
        System.out.flush();
    }
}
