package dev.iolab.containers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A closed-model load on one echo URL, recording every answer (status, whether the body came back, when) until
 * stopped: the load a user's clients put on a route while something goes wrong behind it.
 */
final class RouteLoad implements AutoCloseable {

    /**
     * One request: when it started and ended ({@link System#nanoTime()}), its status (-1: no head came), and the
     * client-side error if any; a status with an error is a head whose body was cut short.
     */
    record Answer(long startedAt, long endedAt, int status, boolean echoed, String error) {

        boolean ok() {
            return status == 200 && echoed;
        }

        boolean startedAfter(long nanos) {
            return startedAt > nanos;
        }

        /** A head came, then the connection ended before its body did: the client knows the answer is incomplete. */
        boolean cutAfterHead() {
            return status > 0 && error != null;
        }

        boolean tookAtMost(Duration bound) {
            return endedAt - startedAt <= bound.toNanos();
        }
    }

    /** A request that takes longer than this is a client-side error: a route must answer, even if only to fail. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI echo;
    private final HttpClient client;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Thread> users = new ArrayList<>();
    private volatile boolean running = true;

    RouteLoad(URI echo, int users) {
        this.echo = echo;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        for (int i = 0; i < users; i++) {
            this.users.add(Thread.ofVirtual().name("route-load-" + i).start(this::loop));
        }
    }

    private void loop() {
        while (running) {
            byte[] body = new byte[1 + ThreadLocalRandom.current().nextInt(4096)];
            ThreadLocalRandom.current().nextBytes(body);
            long started = System.nanoTime();
            // the status of a head that arrived: an error after it is a body cut short, not a missing answer
            AtomicInteger head = new AtomicInteger(-1);
            try {
                HttpResponse<byte[]> response = client.send(
                        HttpRequest.newBuilder(echo)
                                .timeout(REQUEST_TIMEOUT)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        info -> {
                            head.set(info.statusCode());
                            return HttpResponse.BodySubscribers.ofByteArray();
                        });
                answers.add(new Answer(
                        started, System.nanoTime(), response.statusCode(), Arrays.equals(body, response.body()), null));
            } catch (IOException e) {
                answers.add(new Answer(started, System.nanoTime(), head.get(), false, e.toString()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Stops the users, waiting for their requests in flight (each bounded by its timeout); returns every answer. */
    List<Answer> stop() throws InterruptedException {
        running = false;
        for (Thread user : users) {
            user.join(REQUEST_TIMEOUT.plusSeconds(5));
        }
        return answers();
    }

    /** Counts by status (-1: no head), and the first client-side error if any. */
    static String summary(List<Answer> answers) {
        Map<Integer, Long> byStatus =
                answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        String firstError = answers.stream()
                .map(Answer::error)
                .filter(e -> e != null)
                .findFirst()
                .map(e -> ", first error " + e)
                .orElse("");
        return answers.size() + " requests " + byStatus + firstError;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        client.close();
    }
}
