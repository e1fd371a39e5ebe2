package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.conformance.soak.LargeBodies;
import dev.iolab.conformance.soak.Soak;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;

/**
 * Integrity under sustained load and the memory it costs (issue 12 items 4 and 6): many concurrent clients move
 * random bodies with checksums and the server counts exactly what they sent; 64 bodies of 16 MiB in flight at once
 * come back intact while the serving process's resident memory stays well under what is in flight.
 */
@DisplayName("integrity soak")
class IntegritySoakConformanceIT {

    /** Seconds the soak runs per target: short in the build; {@code 180} is the few minutes of a soak of record. */
    static final String SECONDS_PROPERTY = "iolab.conformance.soak.seconds";

    static final String CLIENTS_PROPERTY = "iolab.conformance.soak.clients";

    static final int DEFAULT_SECONDS = 5;

    static final int CLIENTS = 64;

    /**
     * The most the serving process's resident memory may grow while 64 x 16 MiB (1 GiB) are in flight: half of that.
     * A model that buffers whole bodies holds most of the gigabyte at its peak; one that streams holds its buffers and
     * whatever its garbage collector lets accumulate: measured at +6 to +47 MiB on the ten targets launched directly
     * and up to +103 MiB for the gateway in front of them.
     */
    static final long RSS_GROWTH_BOUND_MIB = 512;

    @ConformanceTest
    @DisplayName(
            "64 clients for a few seconds: random echo bodies of 0-1 MiB, uploads read back and fixture downloads all"
                    + " arrive intact, and the server counts exactly the requests the clients made")
    void randomBodiesArriveIntactAndServerCountsMatch(TargetUnderTest target) throws Exception {
        Soak.Result result = new Soak(
                        target,
                        Integer.getInteger(CLIENTS_PROPERTY, CLIENTS),
                        Duration.ofSeconds(Long.getLong(SECONDS_PROPERTY, DEFAULT_SECONDS)))
                .run(Duration.ofSeconds(15));
        System.out.println(result.summary(target.label()));
        assertThat(result.problems())
                .as("problems of %d (corrupt, lost or failed exchanges)", result.problemCount())
                .isEmpty();
        assertThat(result.clientRequests().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("requests answered during the soak")
                .isGreaterThanOrEqualTo(Integer.getInteger(CLIENTS_PROPERTY, CLIENTS));
        assertThat(result.serverRequests())
                .as("requests the server counted (http_server_requests_seconds_count) against the clients'")
                .isEqualTo(result.clientRequests());
    }

    @ConformanceTest
    @OncePerServer // a bound on the serving process: through a gateway, the gateway's, whatever the route
    @DisplayName(
            "64 requests with 16 MiB bodies at once (echo, upload, download) all arrive intact, and resident memory"
                    + " grows by less than 512 MiB of the 1 GiB in flight")
    void sixtyFourLargeBodiesKeepMemoryBounded(TargetUnderTest target) throws Exception {
        LargeBodies.Result result = new LargeBodies(target, CLIENTS).run();
        String where = target.managementUri().isPresent()
                ? (target.proxied() ? "the gateway" : "the target")
                : "no management port";
        System.out.println(result.summary(target.label(), where));
        assertThat(result.problems()).as("16 MiB exchanges that failed").isEmpty();
        if (target.managementUri().isPresent()) {
            assertThat(result.readings())
                    .as(
                            "RSS readings from %s during the round",
                            target.managementUri().get())
                    .isPositive();
            assertThat(result.rssGrowthMib())
                    .as("peak RSS growth (MiB) of %s with 1 GiB in flight", where)
                    .isLessThan(RSS_GROWTH_BOUND_MIB);
        }
    }
}
