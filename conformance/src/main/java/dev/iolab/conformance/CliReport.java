package dev.iolab.conformance;

import java.io.PrintStream;

/** The CLI's output: one line per rule as results arrive, then a summary, failure details and the strictness record. */
final class CliReport extends RuleResults {

    private final PrintStream out;

    CliReport(PrintStream out) {
        this.out = out;
    }

    @Override
    protected void add(Result result) {
        super.add(result);
        String tag = switch (result.outcome()) {
            case PASS -> "PASS  ";
            case FAIL -> "FAIL  ";
            case NA -> "N/A   ";
        };
        out.println(tag + result.rule() + (result.reason().isEmpty() ? "" : ": " + result.reason()));
        out.flush();
    }

    /** Prints the summary and details; returns the exit code: 0 all passed, 1 a failure (or nothing ran). */
    int finish() {
        long pass = count(Outcome.PASS);
        long fail = count(Outcome.FAIL);
        long na = count(Outcome.NA);
        out.println();
        out.printf("%d rules: %d passed, %d failed, %d not applicable%n", pass + fail + na, pass, fail, na);
        String strictness = Strictness.lines();
        if (!strictness.isEmpty()) {
            out.print(strictness);
        }
        if (fail > 0) {
            out.println();
            out.println("Details of the failures:");
            results().stream().filter(r -> r.outcome() == Outcome.FAIL).forEach(r -> {
                out.println("--- " + r.rule());
                out.println(r.cause() == null ? r.reason() : r.cause().getMessage());
            });
        }
        return fail > 0 || pass == 0 ? 1 : 0;
    }
}
