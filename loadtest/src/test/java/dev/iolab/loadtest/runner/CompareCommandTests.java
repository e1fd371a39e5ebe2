package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ./iolab compare} answers to a wrong --repeat or --baseline: one clear line and exit 2, before any load. */
class CompareCommandTests {

    record Outcome(int exit, String err) {}

    static Outcome run(String... args) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Outcome(CompareCommand.run(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    void anInvalidBaselineFileStopsTheRunBeforeItStarts(@TempDir Path dir) throws Exception {
        Path baseline = Files.createDirectories(dir.resolve("20260101-000000"));
        Files.writeString(baseline.resolve("comparison.json"), "not json");
        Path results = dir.resolve("results");

        Outcome o = run("--baseline", baseline.toString(), "--results", results.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("iolab compare: --baseline ").contains("not readable as JSON");
        assertThat(results).as("nothing ran, nothing written").doesNotExist();
    }

    @Test
    void aMissingBaselineOrAZeroRepeatIsAUsageError(@TempDir Path dir) throws Exception {
        Outcome missing = run("--baseline", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--baseline", "no such run directory", "usage: ./iolab compare");
        Outcome empty = run("--baseline", dir.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("no comparison.json there");
        Outcome zero = run("--repeat", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--repeat wants a whole number of rounds >= 1, got 0");
    }
}
