package dev.iolab.loadtest.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;

/**
 * The two load models every simulation offers: closed (N users looping on their own keep-alive
 * connections for the duration) and open (a fixed arrival rate of iterations on shared connections).
 */
public final class Load {

    private Load() {}

    /** The HTTP protocol: no warm-up call to an outside host, no caching (ETags would turn GETs into 304s). */
    public static HttpProtocolBuilder protocol(SimulationSettings settings) {
        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .disableWarmUp()
                .disableCaching()
                .disableFollowRedirect()
                .userAgentHeader("iolab-gatling");
        // open model: arrivals are iterations, not clients, so they share a pool instead of each connecting anew
        return settings.openModel() ? protocol.shareConnections() : protocol;
    }

    /** The population for one scenario chain under the configured model, none of it before the common start if set. */
    public static PopulationBuilder population(String name, ChainBuilder iteration, SimulationSettings settings) {
        OpenInjectionStep users;
        ScenarioBuilder scenario = scenario(name);
        boolean eachUserWaits = false;
        if (settings.openModel()) {
            scenario = scenario.exec(iteration);
            users = constantUsersPerSec(settings.rate()).during(settings.duration());
        } else {
            // each user ends its current request before leaving the loop, so the server and Gatling count alike
            // a ramp below one second starts everyone at once (Gatling 3.14 injected nobody for a 500 ms ramp)
            long rampSeconds = settings.ramp().toSeconds();
            if (rampSeconds < 1 && settings.startAt() != null) {
                // users all in place first, each pausing until the instant itself: Gatling's setup after building
                // the simulation (seconds on a busy node) then delays nobody
                eachUserWaits = true;
                scenario = scenario.pause(session -> settings.untilStart(Instant.now()));
            }
            scenario = scenario.exec(during(settings.duration()).on(iteration));
            users = rampSeconds < 1
                    ? atOnceUsers(settings.users())
                    : rampUsers(settings.users()).during(Duration.ofSeconds(rampSeconds));
        }
        // measured when Gatling builds the simulation, after its own start-up: the shares of a distributed load
        // then begin together however long each process took to get here
        Duration wait = settings.untilStart(Instant.now());
        if (settings.startAt() != null) {
            System.out.println("iolab: injection waits " + wait.toMillis() + " ms for the common start "
                    + settings.startAt() + (eachUserWaits ? " (each user pauses until it)" : " (nothingFor)"));
        }
        return wait.isZero() || eachUserWaits
                ? scenario.injectOpen(users)
                : scenario.injectOpen(nothingFor(wait), users);
    }

    /** Fails the run when the share of KO requests passes the configured maximum. */
    public static Assertion errorRate(SimulationSettings settings) {
        return global().failedRequests().percent().lte(settings.maxErrorPercent());
    }
}
