package dev.iolab.loadtest.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.iolab.loadtest.report.ResilienceSection;
import dev.iolab.loadtest.runner.CompareOptions;
import dev.iolab.loadtest.runner.CpuPinning;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./iolab chaos}: the resilience pass alone, without the measurements of {@code ./iolab compare} (which runs
 * it after them with {@code --chaos}); writes {@code results/<run-id>/} with resilience.json, resilience.md and
 * index.html, and exits 1 when a target got something wrong.
 */
public final class ChaosCommand {

    /** The compare options that mean something here; the others (scenarios, durations, engines) do not. */
    static final Set<String> OPTIONS = Set.of(
            "--targets",
            "--via-gateway",
            "--base-url",
            "--results",
            "--no-pin",
            "--cpus-target",
            "--cpus-load",
            "--window",
            "--repo-root");

    private ChaosCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs it; 0 when every target was measured and held every bound, 1 when one did not, 2 on a bad command line. */
    public static int run(String... args) throws Exception {
        CompareOptions options;
        try {
            options = CompareOptions.parse(compareArguments(args));
        } catch (IllegalArgumentException e) {
            System.err.println("iolab chaos: " + e.getMessage());
            System.err.print(usage());
            return 2;
        }
        Instant started = Instant.now();
        String id = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(started)
                + "-chaos";
        Path runDir = options.resultsDir().resolve(id);
        Files.createDirectories(runDir);
        int cpus = Runtime.getRuntime().availableProcessors();
        CpuPinning pinning = CpuPinning.decide(options.cpusTarget(), options.cpusLoad(), options.pin(), cpus);
        pinning.pinThisProcess();
        List<String> targets = dev.iolab.loadtest.runner.Comparison.targets(options);
        System.err.println("iolab chaos: run " + id + ", " + targets.size() + " targets, about "
                + ChaosRun.planned(options).toSeconds() * targets.size() + " s; " + pinning.note() + "; results in "
                + runDir);
        Resilience resilience = new ChaosRun(options, pinning, runDir.resolve("logs")).run(targets);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", Map.of("id", id, "started", started.toString(), "pinning", pinning.note()));
        json.put("resilience", resilience.tree());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(runDir.resolve("resilience.json").toFile(), json);
        String markdown = "# iolab chaos " + id + "\n" + ResilienceSection.markdown(resilience);
        Files.writeString(runDir.resolve("resilience.md"), markdown);
        Files.writeString(runDir.resolve("index.html"), ResilienceSection.page(id, resilience));
        System.out.println(markdown);
        System.out.println("report: " + runDir.resolve("index.html") + " (also resilience.json, resilience.md)");
        return resilience.targets().stream().allMatch(t -> t.problems().isEmpty()) ? 0 : 1;
    }

    /** This command's line as {@code compare}'s, with {@code --chaos}; an option that means nothing here is an error. */
    static String[] compareArguments(String... args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            String flag = arg.startsWith("--") && arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.startsWith("--") && !OPTIONS.contains(flag)) {
                throw new IllegalArgumentException(
                        "unknown option: " + arg + " (./iolab compare --chaos runs the attacks after a comparison)");
            }
            out.add(flag.equals("--window") ? arg.replaceFirst("^--window", "--chaos-window") : arg);
        }
        out.add("--chaos");
        return out.toArray(String[]::new);
    }

    static String usage() {
        return """
                usage: ./iolab chaos [--targets ids|all] [--via-gateway] [--window 35s] [--base-url id=URL ...]
                                     [--results DIR] [--cpus-target LIST --cpus-load LIST | --no-pin]
                """;
    }
}
