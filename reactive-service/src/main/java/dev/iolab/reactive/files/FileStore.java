package dev.iolab.reactive.files;

import dev.iolab.contract.UploadPublisher;
import dev.iolab.contract.UploadTemporaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Stores an upload without blocking an event loop: the body's buffers are handed over to Reactor's
 * boundedElastic threads ({@code publishOn}, a few buffers in flight), which write them with a plain FileChannel
 * into a hidden temporary file (its leading dot is outside {@code FileNames}, so it is never served); the
 * contract's {@link UploadPublisher} then publishes it whole (link(2) for a new name, else one rename(2)). Readers
 * see the old or the new file, never a part; of concurrent uploads to one name, the last rename wins.
 */
final class FileStore {

    /** Buffers queued between the event loop and the writing thread: memory per upload stays bounded. */
    private static final int IN_FLIGHT_BUFFERS = 8;

    private final Path directory;
    private final Scheduler io = Schedulers.boundedElastic();

    FileStore(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code body} to {@code target}; emits true when the file is new. The temp file goes on any failure. */
    Mono<Boolean> store(Flux<DataBuffer> body, Path target) {
        return Mono.fromCallable(() -> UploadTemporaries.create(directory))
                .subscribeOn(io)
                .flatMap(temp -> Mono.using(
                                () -> UploadTemporaries.openLocked(temp),
                                // mapped to a count: then() discards what it ignores, and a written buffer is released
                                // once
                                channel -> body.publishOn(io, IN_FLIGHT_BUFFERS)
                                        .map(buffer -> writeFully(channel, buffer))
                                        .then(),
                                FileStore::closeQuietly)
                        .then(Mono.fromCallable(() -> publish(temp, target)).subscribeOn(io))
                        .doOnError(e -> deleteQuietly(temp))
                        .doOnCancel(() -> deleteQuietly(temp)))
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
    }

    private static int writeFully(FileChannel channel, DataBuffer buffer) {
        int length = buffer.readableByteCount();
        try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
            while (buffers.hasNext()) {
                ByteBuffer bytes = buffers.next();
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataBufferUtils.release(buffer);
        }
        return length;
    }

    /** The contract's publication: exactly one of several concurrent creators of a new name is told it is new. */
    private static boolean publish(Path temp, Path target) throws IOException {
        return UploadPublisher.publish(temp, target) == UploadPublisher.Published.CREATED;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the upload has failed or is being published; nothing to add
        }
    }

    private void deleteQuietly(Path temp) {
        io.schedule(() -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden .part file is never served and is overwritten by nothing
            }
        });
    }
}
