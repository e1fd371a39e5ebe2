package dev.iolab.reactive.echo;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.contract.QueryParameters;
import dev.iolab.reactive.web.BodyLimit;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /echo}: GET sends back the decoded {@code msg}; POST streams the request's DataBuffers straight into the
 * response with Reactor's backpressure end to end, so memory per request stays bounded: when the client stops
 * reading, the socket stops draining, the write side stops requesting, and Reactor Netty stops reading the request.
 */
@Component
public class EchoHandler {

    /** GET (and HEAD) /echo?msg=...: the decoded text, UTF-8. */
    public Mono<ServerResponse> get(ServerRequest request) {
        String msg;
        try {
            msg = QueryParameters.first(request.uri().getRawQuery(), Endpoints.ECHO_PARAM);
        } catch (IllegalArgumentException malformed) {
            return ServerResponse.badRequest()
                    .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN_UTF8)
                    .bodyValue("malformed percent-encoding in " + Endpoints.ECHO_PARAM);
        }
        byte[] bytes = msg == null ? new byte[0] : msg.getBytes(StandardCharsets.UTF_8);
        return ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN_UTF8)
                .contentLength(bytes.length)
                .body((message, context) ->
                        message.writeWith(Mono.just(message.bufferFactory().wrap(bytes))));
    }

    /** POST /echo: the body byte for byte with the request's Content-Type; 413 over the limit. */
    public Mono<ServerResponse> post(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        long length = headers.getContentLength();
        if (length > Limits.MAX_ECHO_BYTES) {
            // known up front: refuse before reading a byte, and do not keep the half-read connection
            return ServerResponse.status(
                            BodyLimit.tooLarge(Limits.MAX_ECHO_BYTES).getStatusCode())
                    .header(HttpHeaders.CONNECTION, "close")
                    .build();
        }
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        Flux<DataBuffer> body = request.exchange().getRequest().getBody();
        ServerResponse.BodyBuilder response = ServerResponse.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType != null ? contentType : MediaTypes.OCTET_STREAM);
        if (length >= 0) {
            // same framing as the request: Content-Length in, Content-Length out; chunked in, chunked out
            response.contentLength(length);
        } else {
            body = BodyLimit.cap(body, Limits.MAX_ECHO_BYTES);
        }
        // A plain passthrough, no buffering operator: demand flows from the socket's writability back to the reads,
        // so a client that stops reading makes the server stop reading (TCP flow control then stalls the client).
        // Clients must therefore read while they write; one that sends the whole body first stalls once the
        // socket buffers are full, as it would against any streaming echo.
        return response.body(BodyInserters.fromDataBuffers(body));
    }
}
