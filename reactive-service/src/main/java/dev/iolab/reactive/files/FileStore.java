package dev.iolab.reactive.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stores an upload without blocking an event loop: the body goes through an AsynchronousFileChannel into a
 * hidden temporary file (its leading dot is outside {@code FileNames}, so it is never served), then one
 * rename(2) with ATOMIC_MOVE publishes it whole. Readers see the old or the new file, never a part; of
 * concurrent uploads to one name, the last rename wins with its complete bytes.
 */
final class FileStore {

    private final Path directory;

    FileStore(Path directory) {
        this.directory = directory;
    }

    /** Writes {@code body} to {@code target}; emits true when the file is new. Temp file removed on any failure. */
    Mono<Boolean> store(Flux<DataBuffer> body, Path target) {
        return Mono.fromCallable(() -> Files.createTempFile(directory, ".upload-", ".part"))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(temp -> DataBufferUtils.write(body, temp, StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING)
                        .then(Mono.fromCallable(() -> publish(temp, target)).subscribeOn(Schedulers.boundedElastic()))
                        .doOnError(e -> deleteQuietly(temp))
                        .doOnCancel(() -> deleteQuietly(temp)));
    }

    private static boolean publish(Path temp, Path target) throws IOException {
        boolean existed = Files.exists(target);
        // rename(2): atomic, and replaces an existing file in one step
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        return !existed;
    }

    private static void deleteQuietly(Path temp) {
        Schedulers.boundedElastic().schedule(() -> {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
