package dev.iolab.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * SIGKILL of a target under load behind the gateway (issue 12 item 5), as Kubernetes sees it: the container is
 * killed, then started again (a container restart keeps the pod's name). Only the killed target's route may fail,
 * with the gateway's own 502/503/504 and never a dropped client connection (but for a response the target was
 * streaming when it died: it is cut after its head, and the client sees it short), and the route serves again once
 * the target is back.
 */
class KillBehindGatewayIT {

    /** The target killed: a fast-starting one by default, so the test measures the gateway, not a JVM's boot. */
    static final Target VICTIM = Target.byId(System.getProperty("iolab.containers.kill-victim", "plain-epoll"))
            .orElseThrow(() -> new IllegalArgumentException("iolab.containers.kill-victim: no such target"));

    /** A route that must not notice: another model, on the same gateway. */
    static final Target BYSTANDER = VICTIM == Target.WEBFLUX_EPOLL ? Target.PLAIN_BLOCKING : Target.WEBFLUX_EPOLL;

    static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    /** Time after the kill for the requests in flight to the victim to end: answers after it see the victim gone. */
    static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(2);

    /** The gateway's connect timeout is 1 s: a failure answer may take that, plus a busy machine's margin. */
    static final Duration FAILURE_ANSWER_BOUND = Duration.ofSeconds(5);

    @Test
    @DisplayName(
            "SIGKILL of a target under load behind the gateway: 502/503/504 on its route only, every client answered,"
                    + " and the route serves again when the container restarts")
    void killedTargetFailsItsRouteOnlyAndRecovers() throws Exception {
        ContainerStack stack = ContainerStack.shared();
        TargetContainer victim = stack.startDedicated(VICTIM);
        victim.baseUri();
        TargetContainer gateway = stack.startDedicatedGateway(Map.of(VICTIM, victim));
        URI victimRoute = URI.create(gateway.baseUri() + "/" + VICTIM.id() + Endpoints.ECHO);
        URI bystanderRoute = URI.create(gateway.baseUri() + "/" + BYSTANDER.id() + Endpoints.ECHO);
        DockerClient docker = DockerClientFactory.instance().client();

        long killedAt;
        long restartedAt;
        long recoveredAt;
        List<RouteLoad.Answer> victimAnswers;
        List<RouteLoad.Answer> bystanderAnswers;
        try (RouteLoad victimLoad = new RouteLoad(victimRoute, 4);
                RouteLoad bystanderLoad = new RouteLoad(bystanderRoute, 4)) {
            Awaitility.await("answers on both routes before the kill")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> victimLoad.count(RouteLoad.Answer::ok) >= 20
                            && bystanderLoad.count(RouteLoad.Answer::ok) >= 20);
            killedAt = System.nanoTime();
            docker.killContainerCmd(victim.containerId()).withSignal("KILL").exec();
            Awaitility.await("the gateway answering for the killed target")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> victimLoad.count(a -> a.startedAfter(killedAt) && a.status() == 503) >= 10);
            long settledAt = killedAt + IN_FLIGHT_GRACE.toNanos();
            Awaitility.await("answers for the dead target after the requests in flight at the kill ended")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> victimLoad.count(a -> a.startedAfter(settledAt)) >= 10);
            restartedAt = System.nanoTime();
            docker.startContainerCmd(victim.containerId()).exec();
            Awaitility.await(VICTIM.id() + " serving through the gateway after its restart")
                    .atMost(TargetContainer.STARTUP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> victimLoad.count(a -> a.startedAfter(restartedAt) && a.ok()) > 0);
            recoveredAt = victimLoad.answers().stream()
                    .filter(a -> a.startedAfter(restartedAt) && a.ok())
                    .mapToLong(RouteLoad.Answer::endedAt)
                    .min()
                    .orElseThrow();
            long served = recoveredAt;
            Awaitility.await(VICTIM.id() + " keeps serving after its restart")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> victimLoad.count(a -> a.startedAfter(served) && a.ok()) >= 20);
            victimAnswers = victimLoad.stop();
            bystanderAnswers = bystanderLoad.stop();
        }

        long firstFailure = victimAnswers.stream()
                .filter(a -> GATEWAY_FAILURES.contains(a.status()))
                .mapToLong(RouteLoad.Answer::endedAt)
                .min()
                .orElse(killedAt);
        System.out.printf(
                "CONTAINERS kill %s behind the gateway: first gateway failure %d ms after SIGKILL; serving %d ms after"
                        + " docker start; %s route %s; %s route %s%n",
                VICTIM.id(),
                (firstFailure - killedAt) / 1_000_000,
                (recoveredAt - restartedAt) / 1_000_000,
                VICTIM.id(),
                RouteLoad.summary(victimAnswers),
                BYSTANDER.id(),
                RouteLoad.summary(bystanderAnswers));

        assertThat(bystanderAnswers)
                .as("answers on the %s route, which must not notice", BYSTANDER.id())
                .isNotEmpty()
                .allMatch(RouteLoad.Answer::ok, "200 with the body echoed");
        // A response the target was streaming when it died was already on its way to the client (the gateway
        // streams, as it must for 16 MiB bodies): it can only be cut short after its head, which the client sees
        // as fewer bytes than its Content-Length. Every other request gets an answer, if only the gateway's failure.
        Predicate<RouteLoad.Answer> inFlightAtKill = a -> a.startedAt() < killedAt && a.endedAt() >= killedAt;
        assertThat(victimAnswers)
                .as(
                        "answers on the %s route: the gateway answers every client, even while the target is gone",
                        VICTIM.id())
                .allMatch(
                        a -> a.error() == null || (inFlightAtKill.test(a) && a.cutAfterHead()),
                        "no client connection dropped or timed out, but for a response cut after its head by the kill");
        Predicate<RouteLoad.Answer> beforeKill = a -> a.endedAt() < killedAt;
        assertThat(victimAnswers.stream().filter(beforeKill))
                .as("answers on the %s route before the kill", VICTIM.id())
                .allMatch(RouteLoad.Answer::ok, "200");
        long settled = killedAt + IN_FLIGHT_GRACE.toNanos();
        List<RouteLoad.Answer> whileDown = victimAnswers.stream()
                .filter(a -> a.startedAfter(settled) && a.endedAt() < restartedAt)
                .toList();
        assertThat(whileDown)
                .as("answers on the %s route while its container was dead", VICTIM.id())
                .isNotEmpty()
                .allMatch(a -> GATEWAY_FAILURES.contains(a.status()), "the gateway's 502/503/504")
                .allMatch(a -> a.tookAtMost(FAILURE_ANSWER_BOUND), "answered within " + FAILURE_ANSWER_BOUND);
        assertThat(victimAnswers.stream().filter(a -> a.startedAfter(recoveredAt)))
                .as("answers on the %s route once it served again", VICTIM.id())
                .isNotEmpty()
                .allMatch(RouteLoad.Answer::ok, "200");
    }
}
