package dev.iolab.conformance.soak;

import dev.iolab.conformance.Payloads;
import dev.iolab.conformance.RawConnection;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One soak client on one kept-alive connection (a new one when the server closes it): until the deadline it echoes
 * random bodies of 0 to 1 MiB, uploads to names of its own and reads each upload back, and downloads fixtures, checking
 * every body's length and SHA-256.
 */
final class SoakClient implements Runnable {

    /** The largest random body. */
    static final int MAX_BODY = 1024 * 1024;

    /** Fixtures downloaded, with their SHA-256 (the 16 MiB one belongs to the memory rule). */
    static final Map<String, String> FIXTURES = List.of("hello.txt", "1k.bin", "64k.bin", "1m.bin").stream()
            .collect(Collectors.toMap(name -> name, name -> Payloads.sha256(Fixtures.open(name))));

    private final TargetUnderTest target;
    private final String namePrefix;
    private final long deadlineNanos;
    private final Tally tally;
    private final Random random;
    private final Set<String> created = new HashSet<>();

    /** Client {@code index} of the soak {@code run}; its upload names start with {@code run-index}. */
    SoakClient(TargetUnderTest target, String run, int index, long deadlineNanos, Tally tally) {
        this.target = target;
        this.namePrefix = run + "-" + index;
        this.deadlineNanos = deadlineNanos;
        this.tally = tally;
        this.random = new Random(run.hashCode() * 31L + index);
    }

    @Override
    public void run() {
        RawConnection connection = null;
        try {
            while (System.nanoTime() < deadlineNanos) {
                if (connection == null) {
                    connection = RawConnection.open(target);
                }
                boolean keep;
                try {
                    keep = step(connection);
                } catch (IOException | UncheckedIOException e) {
                    tally.problem(namePrefix + ": " + e);
                    keep = false;
                }
                if (!keep) {
                    connection.close();
                    connection = null;
                }
            }
        } catch (UncheckedIOException e) {
            tally.problem(namePrefix + ": " + e.getMessage()); // could not connect
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** One step (an echo, an upload read back, or a fixture download); false when the connection must be dropped. */
    private boolean step(RawConnection connection) throws IOException {
        int pick = random.nextInt(10);
        if (pick < 4) {
            long seed = random.nextLong();
            long size = size();
            Exchange.Outcome echo = new Exchange("POST", Endpoints.ECHO, seed, size).run(target, connection);
            tally.request("POST", Endpoints.ECHO, 2 * size);
            String what = "POST /echo of " + size + " bytes (seed " + seed + ")";
            return check(
                    echo,
                    echo.problem(target, what, 200)
                            .or(() -> echo.bodyProblem(what, size, Payloads.sha256(seed, size))));
        }
        if (pick < 8) {
            String path = Endpoints.FILES_PREFIX + "soak-" + namePrefix + "-" + random.nextInt(2) + ".bin";
            long seed = random.nextLong();
            long size = size();
            Exchange.Outcome put = new Exchange("PUT", path, seed, size).run(target, connection);
            tally.request("PUT", Endpoints.FILES_TEMPLATE, size);
            boolean replaced = !created.add(path);
            if (!check(put, put.problem(target, "PUT " + path + " of " + size + " bytes", replaced ? 204 : 201))) {
                return false;
            }
            Exchange.Outcome get = new Exchange("GET", path, 0, 0).run(target, connection);
            tally.request("GET", Endpoints.FILES_TEMPLATE, size);
            String what = "GET " + path + " after a PUT of " + size + " bytes";
            return check(
                    get,
                    get.problem(target, what, 200).or(() -> get.bodyProblem(what, size, Payloads.sha256(seed, size))));
        }
        List<String> names = List.copyOf(FIXTURES.keySet());
        String name = names.get(random.nextInt(names.size()));
        Exchange.Outcome get = new Exchange("GET", Endpoints.FILES_PREFIX + name, 0, 0).run(target, connection);
        long size = Fixtures.SIZES.get(name);
        tally.request("GET", Endpoints.FILES_TEMPLATE, size);
        String what = "GET /files/" + name;
        return check(get, get.problem(target, what, 200).or(() -> get.bodyProblem(what, size, FIXTURES.get(name))));
    }

    /** Records {@code problem}; true when the connection may carry the next request. */
    private boolean check(Exchange.Outcome outcome, Optional<String> problem) {
        problem.ifPresent(tally::problem);
        boolean close = outcome.response()
                .header("Connection")
                .map(v -> v.toLowerCase(java.util.Locale.ROOT).contains("close"))
                .orElse(false);
        return problem.isEmpty() && !close && outcome.response().complete();
    }

    /** 0 one time in eight, up to 4 KiB three in eight, up to 1 MiB otherwise: the sizes real clients mix. */
    private long size() {
        int kind = random.nextInt(8);
        if (kind == 0) {
            return 0;
        }
        return kind < 4 ? 1 + random.nextInt(4096) : 1 + random.nextInt(MAX_BODY);
    }
}
