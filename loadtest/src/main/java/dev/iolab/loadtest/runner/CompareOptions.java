package dev.iolab.loadtest.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code iolab compare}, parsed, with every default in one place. */
public record CompareOptions(
        List<String> targets,
        List<String> scenarios,
        Duration warmup,
        Duration duration,
        Duration ramp,
        List<Integer> concurrency,
        double rate,
        boolean quick,
        boolean viaGateway,
        Map<String, String> baseUrls,
        String engine,
        String cpusTarget,
        String cpusLoad,
        boolean pin,
        int connections,
        Path resultsDir,
        Path repoRoot,
        Duration idle,
        boolean syscalls,
        Duration syscallsDuration,
        int repeat,
        Path baseline,
        boolean chaos,
        Duration chaosWindow) {

    public static final List<String> QUICK_TARGETS = List.of("mvc-platform", "webflux-epoll", "plain-epoll");
    public static final List<String> FULL_SCENARIOS = List.of("echo", "files", "delay", "upload", "c10k");
    public static final List<String> QUICK_SCENARIOS = List.of("echo", "delay");
    /** Closed-model users of the delay scenario in --quick: enough to pass 200 threads, light enough for one CPU. */
    public static final int QUICK_DELAY_USERS = 400;
    /**
     * How long {@code --chaos} watches the attacks after the last one started: the header timeout plus its margin
     * (slowloris is always held to it); 80 s also holds the stalled transfers to the 60 s keep-alive timeout.
     */
    public static final Duration DEFAULT_CHAOS_WINDOW = dev.iolab.conformance.hostile.HostileScenario.SLOWLORIS_BOUND;

    public static CompareOptions parse(String... args) {
        List<String> targets = null;
        List<String> scenarios = null;
        Duration warmup = null;
        Duration duration = null;
        Duration ramp = null;
        List<Integer> concurrency = new ArrayList<>();
        double rate = 0;
        boolean quick = false;
        boolean gateway = false;
        Map<String, String> urls = new LinkedHashMap<>();
        String engine = "gatling";
        String cpusTarget = null;
        String cpusLoad = null;
        boolean pin = true;
        int connections = 10_000;
        Path results = Path.of("results");
        Duration idle = null;
        boolean syscalls = false;
        Duration syscallsDuration = null;
        int repeat = 1;
        Path baseline = null;
        boolean chaos = false;
        Duration chaosWindow = null;
        Path root = Path.of(System.getProperty("iolab.repo.root", "."))
                .toAbsolutePath()
                .normalize();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // --flag=value or --flag value; for --base-url=id=URL the value is everything after the first '='
            String value = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
            String flag = value != null ? arg.substring(0, arg.indexOf('=')) : arg;
            String v = value;
            if (v == null && i + 1 < args.length && needsValue(flag)) {
                v = args[++i];
            }
            if (v == null && needsValue(flag)) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            switch (flag) {
                case "--targets" -> targets = List.of(v.split(","));
                case "--scenarios" -> scenarios = List.of(v.split(","));
                case "--warmup" -> warmup = duration(v);
                case "--duration" -> duration = duration(v);
                case "--ramp" -> ramp = duration(v);
                case "--concurrency", "--users" -> {
                    for (String c : v.split(",")) {
                        concurrency.add(Integer.parseInt(c.strip()));
                    }
                }
                case "--rate" -> rate = Double.parseDouble(v);
                case "--quick" -> quick = true;
                case "--via-gateway" -> gateway = true;
                case "--base-url" -> {
                    String pair = v;
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--base-url wants id=URL, got " + pair);
                    }
                    urls.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--engine" -> engine = v;
                case "--cpus-target" -> cpusTarget = v;
                case "--cpus-load" -> cpusLoad = v;
                case "--no-pin" -> pin = false;
                case "--connections" -> connections = Integer.parseInt(v);
                case "--results" -> results = Path.of(v);
                case "--idle" -> idle = duration(v);
                case "--syscalls" -> syscalls = true;
                case "--syscalls-duration" -> syscallsDuration = duration(v);
                case "--repeat" -> repeat = repeat(v);
                case "--baseline" -> baseline = baseline(v);
                case "--chaos" -> chaos = true;
                case "--chaos-window" -> chaosWindow = duration(v);
                case "--repo-root" -> root = Path.of(v).toAbsolutePath().normalize();
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (!engine.equals("gatling") && !engine.equals("wrk")) {
            throw new IllegalArgumentException("--engine is gatling or wrk, not " + engine);
        }
        if (scenarios == null) {
            scenarios = quick ? QUICK_SCENARIOS : FULL_SCENARIOS;
        }
        for (String s : scenarios) {
            if (Scenario.byId(s).isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown scenario " + s + " (known: " + String.join(",", Scenario.ids()) + ")");
            }
        }
        if (targets == null) {
            targets = !urls.isEmpty() ? List.copyOf(urls.keySet()) : quick ? QUICK_TARGETS : List.of("all");
        }
        return new CompareOptions(
                targets,
                scenarios,
                warmup != null ? warmup : quick ? Duration.ofSeconds(3) : Duration.ofSeconds(10),
                duration != null ? duration : quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30),
                ramp != null ? ramp : quick ? Duration.ofSeconds(1) : Duration.ofSeconds(2),
                List.copyOf(concurrency),
                rate,
                quick,
                gateway,
                urls,
                engine,
                cpusTarget,
                cpusLoad,
                pin,
                connections,
                results.toAbsolutePath().normalize(),
                root,
                idle != null ? idle : quick ? Duration.ofSeconds(2) : Duration.ofSeconds(3),
                syscalls,
                syscallsDuration != null ? syscallsDuration : quick ? Duration.ofSeconds(2) : Duration.ofSeconds(10),
                repeat,
                baseline,
                chaos,
                chaosWindow != null ? chaosWindow : DEFAULT_CHAOS_WINDOW);
    }

    /** {@code --repeat N}: rounds of every target, at least one. */
    static int repeat(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below, with the value
        }
        throw new IllegalArgumentException("--repeat wants a whole number of rounds >= 1, got " + text);
    }

    /** {@code --baseline DIR}: the folder of an earlier run, which must hold its comparison.json. */
    static Path baseline(String text) {
        Path dir = Path.of(text).toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--baseline " + text + ": no such run directory");
        }
        if (!java.nio.file.Files.isRegularFile(dir.resolve("comparison.json"))) {
            throw new IllegalArgumentException(
                    "--baseline " + text
                            + ": no comparison.json there (give the folder of an earlier ./iolab compare run, e.g. results/<run-id>)");
        }
        try {
            // results/latest is a link that this run will move: keep the folder it points at now
            return dir.toRealPath();
        } catch (java.io.IOException e) {
            return dir;
        }
    }

    private static boolean needsValue(String flag) {
        return !List.of("--quick", "--via-gateway", "--no-pin", "--syscalls", "--chaos")
                .contains(flag);
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms} or plain seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60));
        }
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    /** Concurrency levels to run {@code scenario} at: the sweep, or the scenario's default (smaller in --quick). */
    public List<Integer> usersFor(Scenario scenario) {
        if (scenario == Scenario.C10K) {
            return List.of(1);
        }
        if (!concurrency.isEmpty()) {
            return concurrency;
        }
        return List.of(quick && scenario == Scenario.DELAY ? QUICK_DELAY_USERS : scenario.defaultUsers());
    }

    public static String usage() {
        return """
                usage: ./iolab compare [--targets ids|all] [--scenarios list] [--duration 30s] [--warmup 10s] [--quick]
                                       [--concurrency 100,500,2000] [--rate N] [--engine gatling|wrk]
                                       [--base-url id=URL ...] [--via-gateway] [--cpus-target LIST --cpus-load LIST | --no-pin]
                                       [--connections 10000] [--results DIR] [--idle 3s] [--syscalls [--syscalls-duration 10s]]
                                       [--repeat N] [--baseline RUN_DIR] [--chaos [--chaos-window 35s]]
                """;
    }
}
