package dev.iolab.reactive.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;

/**
 * Caps a streamed request body without buffering it: the buffer that crosses the limit is released and the
 * stream fails with 413, which Spring answers if nothing was sent yet; once the response has begun, the failure
 * makes Reactor Netty abort the response and close the connection instead of completing it as if whole.
 */
public final class BodyLimit {

    private BodyLimit() {}

    /** {@code body}, failing with 413 as soon as more than {@code maxBytes} have arrived. */
    public static Flux<DataBuffer> cap(Flux<DataBuffer> body, long maxBytes) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    /** The 413 for a body over {@code maxBytes}. */
    public static ResponseStatusException tooLarge(long maxBytes) {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "body over " + maxBytes + " bytes");
    }
}
