package dev.iolab.gateway;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** A response the gateway produces itself instead of the target: one plain-text line, marked {@code X-IO-Model: gateway}. */
final class GatewayAnswer {

    private GatewayAnswer() {}

    /** Writes {@code status} with the body {@code "<code> <reason>: <detail>"}; {@code close} adds {@code Connection: close}. */
    static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String detail, boolean close) {
        byte[] body = (status.value() + " " + status.getReasonPhrase() + ": " + detail + "\n")
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().clear();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.TEXT_PLAIN);
        response.getHeaders().setContentLength(body.length);
        response.getHeaders().setDate(System.currentTimeMillis());
        // The gateway itself produced this answer, not the target.
        response.getHeaders().set(Headers.X_IO_MODEL, Target.GATEWAY_ID);
        if (close) {
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
