package dev.iolab.reactive.delay;

import dev.iolab.contract.DelayParameter;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * {@code GET /delay?ms=N}: answers after a timer of the connection's own event loop fires; no thread waits meanwhile.
 * The event loop's timer (rather than Reactor's parallel scheduler) keeps the request on one thread: no hand-off to
 * a timer thread and back, no wake-up of the event loop to write the answer, which matters with thousands waiting.
 */
@Component
public class DelayHandler {

    private static final byte[] OK = Endpoints.DELAY_BODY.getBytes(StandardCharsets.US_ASCII);

    public Mono<ServerResponse> get(ServerRequest request) {
        int ms = DelayParameter.millis(request.uri().getRawQuery());
        if (ms == DelayParameter.INVALID) {
            return ServerResponse.badRequest()
                    .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                    .bodyValue(Endpoints.DELAY_PARAM + " must be an integer from 0 to " + Limits.MAX_DELAY_MS);
        }
        return timer(request, ms)
                .then(ServerResponse.ok()
                        .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                        .contentLength(OK.length)
                        .body((message, context) -> message.writeWith(
                                Mono.just(message.bufferFactory().wrap(OK)))));
    }

    /** Completes after {@code ms} on the request's event loop (Reactor's parallel scheduler if there is none). */
    private static Mono<Void> timer(ServerRequest request, int ms) {
        if (ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest())
                instanceof Connection connection) {
            EventLoop loop = connection.channel().eventLoop();
            return Mono.create(sink -> {
                var pending = loop.schedule(() -> sink.success(), ms, TimeUnit.MILLISECONDS);
                sink.onCancel(() -> pending.cancel(false));
            });
        }
        return Mono.delay(Duration.ofMillis(ms)).then();
    }
}
