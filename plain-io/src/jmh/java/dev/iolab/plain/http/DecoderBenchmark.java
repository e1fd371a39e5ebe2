package dev.iolab.plain.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state cost of decoding one keep-alive request with a reused decoder; run with {@code -prof gc}
 * and read {@code gc.alloc.rate.norm} (bytes allocated per request).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecoderBenchmark {

    private static final byte[] GET = ("GET /echo?msg=hello HTTP/1.1\r\nHost: localhost:8094\r\nUser-Agent: wrk\r\n"
            + "Accept: */*\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED_POST = ("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final HttpRequestDecoder decoder = new HttpRequestDecoder();
    private final ByteBuffer sink = ByteBuffer.allocate(64);
    private ByteBuffer get;
    private ByteBuffer post;

    @Setup
    public void setUp() {
        get = ByteBuffer.allocateDirect(GET.length).put(GET).flip();
        post = ByteBuffer.allocateDirect(CHUNKED_POST.length).put(CHUNKED_POST).flip();
    }

    @Benchmark
    public int getRequest() {
        get.rewind();
        return decodeOne(get);
    }

    @Benchmark
    public int chunkedPost() {
        post.rewind();
        return decodeOne(post);
    }

    private int decodeOne(ByteBuffer in) {
        int bytes = 0;
        while (true) {
            switch (decoder.next(in)) {
                case HEAD -> bytes += decoder.head().methodEnd;
                case BODY -> {
                    sink.clear();
                    bytes += decoder.readBody(in, sink);
                }
                case END -> {
                    return bytes;
                }
                default -> throw new IllegalStateException("unexpected " + decoder.errorStatus());
            }
        }
    }
}
