package dev.iolab.loadtest.c10k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.contract.Endpoints;
import dev.iolab.loadtest.support.StubTarget;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionHolderTests {

    // 150: the JDK's HttpServer behind the stub keeps at most 200 idle connections
    // (sun.net.httpserver.maxIdleConnections)
    @Test
    void holdsEveryConnectionAfterOneAnsweredRequestAndClosesThemAll() throws Exception {
        try (StubTarget stub = new StubTarget()) {
            URI uri = URI.create(stub.baseUrl());
            ConnectionHolder holder = new ConnectionHolder(uri.getHost(), "");
            try (holder) {
                holder.open(new InetSocketAddress(uri.getHost(), uri.getPort()), 150, Duration.ofSeconds(30));
                assertThat(holder.opened()).isEqualTo(150);
                assertThat(holder.held()).isEqualTo(150);
                assertThat(holder.failed()).isZero();
                assertThat(holder.closedByTarget()).isZero();
            }
            // the stub counts a request after its response has left (as a real server's timer does), so the
            // last few answered requests may still be on their way into the count: wait for it, boundedly
            await("the stub's count of /echo")
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThat(stub.count(Endpoints.ECHO)).isEqualTo(150));
        }
    }
}
