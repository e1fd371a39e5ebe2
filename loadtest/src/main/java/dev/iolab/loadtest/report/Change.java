package dev.iolab.loadtest.report;

/**
 * One measure of one row against the baseline run. A change is real only when the medians differ by more than
 * each run's spread (max - min across its rounds); a run of one round has no spread, so its verdict is unknown,
 * never real.
 */
public record Change(Double baseline, Double now, Double ratio, Double percent, Verdict verdict, String reason) {

    /** What the difference means. */
    public enum Verdict {
        REAL("real"),
        WITHIN_NOISE("within noise"),
        UNKNOWN("unknown");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Change of(Measure measure, Spread baseline, Spread now) {
        Double b = baseline == null ? null : baseline.median();
        Double n = now == null ? null : now.median();
        if (b == null || n == null) {
            return new Change(
                    b, n, null, null, Verdict.UNKNOWN, "not measured in " + (b == null ? "the baseline" : "this run"));
        }
        Double ratio = b == 0 ? null : n / b;
        Double percent = b == 0 ? null : 100 * (n - b) / Math.abs(b);
        if (!baseline.hasSpread() || !now.hasSpread()) {
            return new Change(
                    b,
                    n,
                    ratio,
                    percent,
                    Verdict.UNKNOWN,
                    "not a measurement: " + (!baseline.hasSpread() ? "the baseline" : "this run")
                            + " is a single run, so there is no spread to judge noise by (use --repeat 3)");
        }
        double diff = Math.abs(n - b);
        if (diff > now.width() && diff > baseline.width()) {
            boolean better = (n > b) == measure.higherIsBetter();
            return new Change(
                    b,
                    n,
                    ratio,
                    percent,
                    Verdict.REAL,
                    (better ? "better" : "worse")
                            + ": the medians differ by more than either run's spread (max - min)");
        }
        return new Change(
                b, n, ratio, percent, Verdict.WITHIN_NOISE, "the difference is within one run's spread (max - min)");
    }

    /** Whether a real change went the better way for {@code measure}. */
    public boolean better(Measure measure) {
        return verdict == Verdict.REAL && (now > baseline) == measure.higherIsBetter();
    }
}
