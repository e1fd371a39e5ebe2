package dev.iolab.loadtest.anatomy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The fixture /proc tree of src/test/resources/proc-fixture: process 4242 with threads 4242 (S), 4250 (R), 4251 (D). */
final class Fixtures {

    static final long PID = 4242;

    private Fixtures() {}

    static Path proc() {
        try {
            return Path.of(Fixtures.class.getResource("/proc-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the fixture tree under {@code dir}, for tests that move the counters on. */
    static Path copy(Path dir) throws IOException {
        Path from = proc();
        try (var files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    static String read(String resource) {
        try {
            return Files.readString(proc().getParent().resolve(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one thread's status with new counters and state. */
    static void setTask(Path proc, int tid, char state, long voluntary, long involuntary) throws IOException {
        Path status = proc.resolve(Long.toString(PID))
                .resolve("task")
                .resolve(Integer.toString(tid))
                .resolve("status");
        Files.createDirectories(status.getParent());
        Files.writeString(
                status,
                "Name:\tt\nState:\t" + state + " (x)\nPid:\t" + tid + "\nvoluntary_ctxt_switches:\t" + voluntary
                        + "\nnonvoluntary_ctxt_switches:\t" + involuntary + "\n");
    }

    static void removeTask(Path proc, int tid) throws IOException {
        Path dir = proc.resolve(Long.toString(PID)).resolve("task").resolve(Integer.toString(tid));
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void setIo(Path proc, long rchar, long wchar, long syscr, long syscw) throws IOException {
        Files.writeString(
                proc.resolve(Long.toString(PID)).resolve("io"),
                "rchar: " + rchar + "\nwchar: " + wchar + "\nsyscr: " + syscr + "\nsyscw: " + syscw
                        + "\nread_bytes: 0\nwrite_bytes: 0\ncancelled_write_bytes: 0\n");
    }
}
