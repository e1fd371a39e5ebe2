package dev.iolab.plain.uring;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring plumbing on the real kernel: submissions go in through the mmapped SQ, completions come back. */
class UringRingTests {

    private record Completion(long userData, int result) {}

    @Test
    void nopCompletesWithItsUserData() {
        try (UringRing ring = UringRing.open(8)) {
            Sqe.nop(ring.next(), 42);
            Sqe.nop(ring.next(), 43);
            List<Completion> done = reap(ring, 2);
            assertThat(done).containsExactly(new Completion(42, 0), new Completion(43, 0));
        }
    }

    @Test
    void sendAndRecvCarryBytesAcrossASocketPair() {
        try (UringRing ring = UringRing.open(8);
                Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            assertThat(Libc.socketpair(1 /* AF_UNIX */, 1 /* SOCK_STREAM */, 0, fds))
                    .isZero();
            int a = fds.getAtIndex(JAVA_INT, 0);
            int b = fds.getAtIndex(JAVA_INT, 1);
            try {
                MemorySegment out = arena.allocateFrom("hello, ring", StandardCharsets.US_ASCII);
                MemorySegment in = arena.allocate(64);
                int length = (int) out.byteSize() - 1;
                Sqe.recv(ring.next(), b, in.address(), (int) in.byteSize(), 2);
                Sqe.send(ring.next(), a, out.address(), length, 1);
                List<Completion> done = reap(ring, 2);
                assertThat(done).containsExactlyInAnyOrder(new Completion(1, length), new Completion(2, length));
                assertThat(in.getString(0, StandardCharsets.US_ASCII)).isEqualTo("hello, ring");
            } finally {
                Libc.close(a);
                Libc.close(b);
            }
        }
    }

    @Test
    void aTimeoutCompletesWithEtimeAndACancelledOneWithEcanceled() {
        try (UringRing ring = UringRing.open(8);
                Arena arena = Arena.ofConfined()) {
            MemorySegment shortOne = arena.allocate(16, 8);
            shortOne.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, 1_000_000); // 1 ms
            MemorySegment longOne = arena.allocate(16, 8);
            longOne.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, 60); // 60 s
            Sqe.timeout(ring.next(), shortOne.address(), 1);
            Sqe.timeout(ring.next(), longOne.address(), 2);
            Sqe.cancel(ring.next(), 2, 3);
            List<Completion> done = reap(ring, 3);
            assertThat(done)
                    .contains(new Completion(1, -Libc.ETIME), new Completion(2, -Libc.ECANCELED), new Completion(3, 0));
        }
    }

    private static List<Completion> reap(UringRing ring, int count) {
        List<Completion> done = new ArrayList<>();
        while (done.size() < count) {
            ring.submit(1);
            ring.drain((userData, result, flags) -> done.add(new Completion(userData, result)));
        }
        return done;
    }
}
