package dev.iolab.loadtest.runner;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Tells the user where a comparison is and when it will end: steps done out of planned, and an ETA from the
 * planned seconds left, corrected by how fast the run has gone so far against plan.
 */
public final class Progress {

    private final PrintStream out;
    private final int steps;
    private final double plannedSeconds;
    private final long start = System.nanoTime();
    private int done;
    private double plannedDone;

    public Progress(PrintStream out, int steps, double plannedSeconds) {
        this.out = out;
        this.steps = steps;
        this.plannedSeconds = plannedSeconds;
    }

    /** Prints what starts now. */
    public void step(String what) {
        out.printf(
                "iolab compare [%d/%d] %s (elapsed %s, ETA %s)%n",
                Math.min(done + 1, steps), steps, what, format(elapsed()), format(eta()));
    }

    public void note(String what) {
        out.println("iolab compare: " + what);
    }

    /** Marks a step finished that was planned to take {@code planned} seconds. */
    public void done(double planned) {
        done++;
        plannedDone += planned;
    }

    double elapsed() {
        return (System.nanoTime() - start) / 1e9;
    }

    double eta() {
        double left = Math.max(0, plannedSeconds - plannedDone);
        double pace = plannedDone > 0 ? elapsed() / plannedDone : 1.0;
        return left * Math.max(pace, 0.5);
    }

    static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        return d.toMinutes() > 0
                ? d.toMinutes() + "m" + String.format("%02ds", d.toSecondsPart())
                : d.toSeconds() + "s";
    }
}
