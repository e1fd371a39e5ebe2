package dev.iolab.plain.aio;

import dev.iolab.contract.Limits;
import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.FileSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * File bodies through {@link AsynchronousFileChannel}: read a block asynchronously, write it to the socket
 * asynchronously, repeat; upload bytes are asynchronous file writes whose completion continues the exchange. On
 * Linux the JDK implements the file side with a thread pool doing pread(2) and pwrite(2) (there is no kernel AIO
 * underneath), which {@link #describe()} says.
 */
final class AsyncFileSender implements FileSender {

    private final String fileChannelClass = probe();

    /** Opens one throw-away asynchronous file channel to learn which implementation this JDK gives. */
    private static String probe() {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("plain-io-probe", ".tmp");
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(tmp, StandardOpenOption.READ)) {
                return ch.getClass().getName();
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            return "AsynchronousFileChannel (" + e + ")";
        }
    }

    @Override
    public String describe() {
        return fileChannelClass;
    }

    /** Each upload also opens its temporary file as an {@link AsynchronousFileChannel}, which {@link #write} uses. */
    static AsynchronousFileChannel openForUpload(java.nio.file.Path file) throws IOException {
        return AsynchronousFileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    public void write(FileSink sink, Runnable done) {
        // the buffer is the connection's input buffer: the connection starts nothing else until done runs
        AsynchronousFileChannel file = sink.companion(AsynchronousFileChannel.class);
        file.write(sink.source(), sink.position(), null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                sink.wrote(n);
                if (sink.remaining() > 0) {
                    file.write(sink.source(), sink.position(), null, this); // a short write: the rest
                } else {
                    done.run();
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                sink.failed(e instanceof IOException io ? io : new IOException(e));
                done.run(); // the exchange answers it: 507 on a full disk
            }
        });
    }

    @Override
    public void send(
            FileRegion region,
            AsynchronousSocketChannel socket,
            long stallNanos,
            Runnable done,
            Consumer<Throwable> failed) {
        // Opened by FileHandler together with the region's FileChannel, so both are the same inode even while
        // an upload renames a new version into place; the exchange closes it.
        AsynchronousFileChannel file = region.asyncChannel();
        ByteBuffer buffer = ByteBuffer.allocateDirect((int) Math.min(Limits.STREAM_BUFFER_BYTES, region.remaining()));
        new Object() {
            void readNext() {
                buffer.clear().limit((int) Math.min(buffer.capacity(), region.remaining()));
                file.read(buffer, region.position(), null, new CompletionHandler<Integer, Void>() {
                    @Override
                    public void completed(Integer n, Void a) {
                        if (n < 0) {
                            fail(new IOException("file shrank while being sent"));
                            return;
                        }
                        buffer.flip();
                        writeAll();
                    }

                    @Override
                    public void failed(Throwable e, Void a) {
                        fail(e);
                    }
                });
            }

            void writeAll() {
                socket.write(buffer, stallNanos, TimeUnit.NANOSECONDS, null, new CompletionHandler<Integer, Void>() {
                    @Override
                    public void completed(Integer n, Void a) {
                        region.advance(n);
                        if (buffer.hasRemaining()) {
                            writeAll();
                        } else if (region.remaining() > 0) {
                            readNext();
                        } else {
                            done.run();
                        }
                    }

                    @Override
                    public void failed(Throwable e, Void a) {
                        fail(e);
                    }
                });
            }

            void fail(Throwable e) {
                failed.accept(e);
            }
        }.readNext();
    }
}
