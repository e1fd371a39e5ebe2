package dev.iolab.gateway;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.core.publisher.Flux;

/**
 * A request whose streamed body fails with {@link BodyLimitExceededException} instead of passing byte
 * limit+1: the buffer that crosses the limit is dropped, so what was forwarded never exceeds the limit.
 * Counts only, never holds a buffer.
 */
final class LimitedRequestBody extends ServerHttpRequestDecorator {

    private final long limit;
    private final Runnable onExceeded;

    LimitedRequestBody(ServerHttpRequest delegate, long limit, Runnable onExceeded) {
        super(delegate);
        this.limit = limit;
        this.onExceeded = onExceeded;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    onExceeded.run();
                    sink.error(new BodyLimitExceededException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }
}
