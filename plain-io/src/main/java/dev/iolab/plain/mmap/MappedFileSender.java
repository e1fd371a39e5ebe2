package dev.iolab.plain.mmap;

import dev.iolab.plain.aio.FileSender;
import dev.iolab.plain.endpoints.FileRegion;
import dev.iolab.plain.endpoints.FileSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends file bodies as slices of a {@link MappedByteBuffer}: the socket write reads the page cache directly; upload
 * bytes are a plain write(2) on the completion thread (a mapping cannot grow a file).
 */
final class MappedFileSender implements FileSender {

    private final MappedFiles files = new MappedFiles();

    @Override
    public String describe() {
        return "java.nio.MappedByteBuffer (mmap)";
    }

    @Override
    public void write(FileSink sink, Runnable done) {
        sink.writeOnThisThread();
        done.run();
    }

    @Override
    public void send(
            FileRegion region,
            AsynchronousSocketChannel socket,
            long stallNanos,
            Runnable done,
            Consumer<Throwable> failed) {
        ByteBuffer slice;
        try {
            MappedByteBuffer mapping = files.map(region);
            // a view of the mapping: nothing is copied into the Java heap
            slice = mapping.slice((int) region.position(), (int) region.remaining());
        } catch (IOException | RuntimeException e) {
            failed.accept(e);
            return;
        }
        socket.write(slice, stallNanos, TimeUnit.NANOSECONDS, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                region.advance(n);
                if (slice.hasRemaining()) {
                    socket.write(slice, stallNanos, TimeUnit.NANOSECONDS, null, this);
                } else {
                    done.run();
                }
            }

            @Override
            public void failed(Throwable e, Void a) {
                failed.accept(e);
            }
        });
    }
}
