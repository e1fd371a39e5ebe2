package dev.iolab.plain.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** How a test hands bytes to the decoder: all at once, one byte at a time, or in odd slices. */
enum Feed {
    WHOLE(Integer.MAX_VALUE),
    BYTE_BY_BYTE(1),
    SLICES_OF_7(7);

    private final int slice;

    Feed(int slice) {
        this.slice = slice;
    }

    /** One decoded request: its head fields of interest and its body. */
    record Request(
            String method,
            String target,
            boolean http11,
            long contentLength,
            boolean chunked,
            boolean keepAlive,
            String host,
            String contentType,
            String range,
            String ifNoneMatch,
            boolean expectContinue,
            String body) {}

    /** What decoding produced: complete requests, then maybe an error status, and whether bytes were left waiting. */
    record Result(List<Request> requests, int errorStatus, boolean waiting) {}

    Result decode(String raw) {
        return decode(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code bytes} in slices to one decoder, exactly as a transport would. */
    Result decode(byte[] bytes) {
        HttpRequestDecoder decoder = new HttpRequestDecoder();
        List<Request> requests = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer sink = ByteBuffer.allocate(5); // small on purpose: bodies leave in several pieces
        Request head = null;
        int offset = 0;
        ByteBuffer in = ByteBuffer.allocate(0);
        while (true) {
            HttpRequestDecoder.Event event = decoder.next(in);
            switch (event) {
                case NEED_MORE -> {
                    if (offset == bytes.length) {
                        return new Result(requests, 0, decoder.readingHead() || head != null);
                    }
                    int n = Math.min(slice, bytes.length - offset);
                    in = ByteBuffer.wrap(bytes, offset, n).slice();
                    offset += n;
                }
                case HEAD -> {
                    RequestHead h = decoder.head();
                    head = new Request(
                            h.method(),
                            h.target(),
                            h.isHttp11(),
                            h.contentLength(),
                            h.chunked(),
                            h.keepAlive(),
                            h.header(RequestHead.HOST),
                            h.header(RequestHead.CONTENT_TYPE),
                            h.header(RequestHead.RANGE),
                            h.header(RequestHead.IF_NONE_MATCH),
                            h.expectContinue(),
                            null);
                    body.reset();
                }
                case BODY -> {
                    if (decoder.bodyAvailable() <= 0) {
                        // an empty BODY event would make an echo write a zero-size chunk: a last-chunk
                        throw new AssertionError("BODY event without bytes");
                    }
                    sink.clear();
                    decoder.readBody(in, sink);
                    body.write(sink.array(), 0, sink.position());
                }
                case END -> {
                    requests.add(new Request(
                            head.method(),
                            head.target(),
                            head.http11(),
                            head.contentLength(),
                            head.chunked(),
                            head.keepAlive(),
                            head.host(),
                            head.contentType(),
                            head.range(),
                            head.ifNoneMatch(),
                            head.expectContinue(),
                            body.toString(StandardCharsets.ISO_8859_1)));
                    head = null;
                }
                case ERROR -> {
                    return new Result(requests, decoder.errorStatus(), false);
                }
            }
        }
    }
}
