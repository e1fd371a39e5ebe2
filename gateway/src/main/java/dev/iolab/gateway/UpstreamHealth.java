package dev.iolab.gateway;

import dev.iolab.contract.Endpoints;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Asks one upstream for its health right now, with a short timeout, on a client apart from the proxy's pool. */
@Component
class UpstreamHealth {

    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(700);
    /** Status of an upstream that refused or did not accept the connection. */
    static final String UNREACHABLE = "UNREACHABLE";
    /** Status of an upstream that accepted but did not answer in time. */
    static final String TIMEOUT = "TIMEOUT";

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    // Probes must never queue behind, or take connections from, proxied traffic.
    private final HttpClient client = HttpClient.create(ConnectionProvider.newConnection())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
            .responseTimeout(RESPONSE_TIMEOUT);

    /** {@code UP}, {@code DOWN}, ... as the upstream reports it, or {@link #UNREACHABLE} / {@link #TIMEOUT}. */
    Mono<String> check(URI upstream) {
        return client.get()
                .uri(upstream.resolve(Endpoints.HEALTH))
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> status(response.status().code(), text)))
                .timeout(CONNECT_TIMEOUT.plus(RESPONSE_TIMEOUT))
                .onErrorResume(e -> Mono.just(
                        UpstreamFailureFilter.statusFor(e) == null
                                        || UpstreamFailureFilter.statusFor(e).value() != 504
                                ? UNREACHABLE
                                : TIMEOUT));
    }

    /** The {@code status} field of a health document, else the HTTP status. */
    static String status(int httpStatus, String body) {
        Matcher m = STATUS.matcher(body);
        return m.find() ? m.group(1) : "HTTP_" + httpStatus;
    }
}
