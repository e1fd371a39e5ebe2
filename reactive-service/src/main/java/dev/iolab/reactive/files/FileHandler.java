package dev.iolab.reactive.files;

import dev.iolab.contract.ByteRange;
import dev.iolab.contract.Conditionals;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileNames;
import dev.iolab.contract.FileValidators;
import dev.iolab.contract.FileVersion;
import dev.iolab.contract.InsufficientStorage;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import dev.iolab.reactive.DataDir;
import dev.iolab.reactive.web.BodyLimit;
import io.netty.channel.DefaultFileRegion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * {@code /files/{name}}: GET and HEAD open the contract's {@link FileVersion}, answer conditionals by its
 * {@link Conditionals}, and send the file zero-copy (a Netty FileRegion: sendfile(2) from the page cache
 * to the socket, what {@code ZeroCopyHttpOutputMessage} does) with validators and single ranges; PUT streams into the directory through
 * {@link FileStore}. Names are checked against {@link FileNames} after Spring's one percent-decoding.
 */
@Component
public class FileHandler {

    private static final String BYTES = "bytes";

    private final Path dataDir;
    private final FileStore store;

    public FileHandler(DataDir dataDir) {
        this.dataDir = dataDir.path();
        this.store = new FileStore(this.dataDir);
    }

    /** GET and HEAD: 200 whole, 206 one range, 304 when the ETag matches, 416 when no range fits. */
    public Mono<ServerResponse> get(ServerRequest request) {
        Path file = FileNames.resolve(dataDir, request.pathVariable(Endpoints.FILES_NAME_VARIABLE));
        if (file == null) {
            return badName();
        }
        // RFC 9110 §14.2: Range is defined for GET only; HEAD describes the whole representation
        boolean get = HttpMethod.GET.equals(request.method());
        // a stat(2), an open(2) and a stat(2) on the event loop: metadata of files being served is in the kernel's
        // caches, these do not wait on a disk
        FileVersion version;
        try {
            version = FileVersion.open(file);
        } catch (IOException e) {
            return Mono.error(e);
        }
        if (version == null) {
            return ServerResponse.notFound().build();
        }
        long size = version.size();
        FileValidators validators = version.validators();
        HttpHeaders requestHeaders = request.headers().asHttpHeaders();
        if (Conditionals.notModified(
                header(requestHeaders, HttpHeaders.IF_NONE_MATCH),
                header(requestHeaders, HttpHeaders.IF_MODIFIED_SINCE),
                validators)) {
            version.close();
            return ServerResponse.status(HttpStatus.NOT_MODIFIED)
                    .eTag(validators.etag())
                    .lastModified(validators.lastModified())
                    .build();
        }
        String contentType = MediaTypes.forFileName(file.getFileName().toString());
        ByteRange range = get && Conditionals.rangeApplies(header(requestHeaders, HttpHeaders.IF_RANGE), validators)
                ? ByteRange.parse(requestHeaders.getFirst(HttpHeaders.RANGE), size)
                : ByteRange.parse(null, size);
        return switch (range.kind()) {
            case UNSATISFIABLE -> {
                version.close();
                yield ServerResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaders.CONTENT_RANGE, BYTES + " */" + size)
                        .build();
            }
            case SINGLE ->
                send(
                        entity(HttpStatus.PARTIAL_CONTENT, contentType, validators)
                                .header(
                                        HttpHeaders.CONTENT_RANGE,
                                        BYTES + " " + range.start() + "-" + range.end() + "/" + size),
                        version,
                        get,
                        range.start(),
                        range.length());
            case WHOLE -> send(entity(HttpStatus.OK, contentType, validators), version, get, 0, size);
        };
    }

    /** PUT: 201 new, 204 replaced, 413 over the upload limit with the existing file untouched. */
    public Mono<ServerResponse> put(ServerRequest request) {
        Path file = FileNames.resolve(dataDir, request.pathVariable(Endpoints.FILES_NAME_VARIABLE));
        if (file == null) {
            return badName();
        }
        long length = request.headers().asHttpHeaders().getContentLength();
        if (length > Limits.MAX_UPLOAD_BYTES) {
            return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .build();
        }
        return store.store(BodyLimit.cap(request.exchange().getRequest().getBody(), Limits.MAX_UPLOAD_BYTES), file)
                .publishOn(eventLoopOf(request))
                .flatMap(created -> created
                        ? ServerResponse.status(HttpStatus.CREATED).build()
                        : ServerResponse.noContent().build())
                // Disk full: the store deleted its temporary file; the unread rest of the body ends the connection.
                .onErrorResume(
                        InsufficientStorage::is,
                        e -> ServerResponse.status(InsufficientStorage.STATUS)
                                .header(HttpHeaders.CONNECTION, "close")
                                .build());
    }

    /**
     * The connection's own event loop: the answer to an upload is written from there, not from the file-writing
     * thread. Answering from a foreign thread lets the next keep-alive request race the end of this exchange,
     * which intermittently left Reactor Netty 1.3.6 without read demand on the connection (the next request
     * stuck in the socket's receive queue).
     */
    private static Scheduler eventLoopOf(ServerRequest request) {
        Object nativeRequest =
                ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        return nativeRequest instanceof Connection connection
                ? Schedulers.fromExecutor(connection.channel().eventLoop())
                : Schedulers.immediate();
    }

    private static ServerResponse.BodyBuilder entity(HttpStatus status, String contentType, FileValidators validators) {
        return ServerResponse.status(status)
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.ACCEPT_RANGES, BYTES)
                .eTag(validators.etag())
                .lastModified(validators.lastModified());
    }

    private static Mono<ServerResponse> send(
            ServerResponse.BodyBuilder response, FileVersion version, boolean get, long position, long count) {
        response.contentLength(count);
        if (!get || count == 0) {
            version.close();
            return response.build();
        }
        return response.body((message, context) -> sendRegion((ServerHttpResponse) message, version, position, count));
    }

    /** A request header's lines joined as one list (RFC 9110 §5.3), null when absent. */
    private static String header(HttpHeaders headers, String name) {
        List<String> lines = headers.get(name);
        return lines == null || lines.isEmpty() ? null : String.join(", ", lines);
    }

    /**
     * Commits Spring's status and headers, then hands Reactor Netty a FileRegion over the channel opened with the
     * stat: sendfile(2) zero-copy, as {@code ZeroCopyHttpOutputMessage.writeWith(Path, ...)} does, except that
     * the path is not opened a second time (a concurrent upload could have replaced it meanwhile).
     */
    private static Mono<Void> sendRegion(ServerHttpResponse response, FileVersion version, long position, long count) {
        HttpServerResponse netty = ServerHttpResponseDecorator.getNativeResponse(response);
        return response.setComplete()
                .then(Mono.defer(() -> netty.sendUsing(
                                version::channel,
                                (connection, fc) -> new DefaultFileRegion(fc, position, count),
                                fc -> version.close())
                        .then()));
    }

    private static Mono<ServerResponse> badName() {
        return ServerResponse.badRequest()
                .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                .bodyValue("file names match " + FileNames.PATTERN.pattern());
    }
}
