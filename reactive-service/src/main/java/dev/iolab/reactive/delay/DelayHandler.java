package dev.iolab.reactive.delay;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.reactive.web.QueryParams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /delay?ms=N}: answers after a timer fires (Reactor's parallel scheduler); no thread waits meanwhile. */
@Component
public class DelayHandler {

    private static final byte[] OK = Endpoints.DELAY_BODY.getBytes(StandardCharsets.US_ASCII);

    public Mono<ServerResponse> get(ServerRequest request) {
        int ms;
        try {
            ms = parse(QueryParams.first(request.uri().getRawQuery(), Endpoints.DELAY_PARAM));
        } catch (IllegalArgumentException malformed) {
            ms = -1;
        }
        if (ms < 0) {
            return ServerResponse.badRequest().header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                    .bodyValue(Endpoints.DELAY_PARAM + " must be an integer from 0 to " + Limits.MAX_DELAY_MS);
        }
        return Mono.delay(Duration.ofMillis(ms)).then(ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                .contentLength(OK.length)
                .body((message, context) -> message.writeWith(Mono.just(message.bufferFactory().wrap(OK)))));
    }

    /** The delay in ms, or -1 when not a plain decimal integer within 0..MAX_DELAY_MS. */
    static int parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 6) {
            return -1;
        }
        int ms = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            ms = ms * 10 + (c - '0');
        }
        return ms <= Limits.MAX_DELAY_MS ? ms : -1;
    }
}
