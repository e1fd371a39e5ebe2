package dev.iolab.loadtest.anatomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /proc/<pid>/io} of a whole process (live and exited threads: the kernel folds an exiting thread's counts
 * into the process's). man 5 proc: {@code rchar}/{@code wchar} are the bytes passed to read(2)/write(2) "and
 * similar system calls", {@code syscr}/{@code syscw} the number of such calls. In the kernel these are counted on
 * the VFS paths: read, readv, pread, write, writev, pwrite, sendfile (both sides), copy_file_range, on files and
 * sockets alike; recv/send/recvmsg/sendmsg on sockets, splice and io_uring operations are not counted.
 */
public record ProcessIo(long rchar, long wchar, long syscr, long syscw) {

    public static ProcessIo parse(String text) {
        long rchar = 0;
        long wchar = 0;
        long syscr = 0;
        long syscw = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            long v = Long.parseLong(line.substring(colon + 1).strip());
            switch (line.substring(0, colon)) {
                case "rchar" -> rchar = v;
                case "wchar" -> wchar = v;
                case "syscr" -> syscr = v;
                case "syscw" -> syscw = v;
                default -> {
                    // read_bytes, write_bytes: storage I/O, not the system-call crossing measured here
                }
            }
        }
        return new ProcessIo(rchar, wchar, syscr, syscw);
    }

    /** Reads {@code <proc>/<pid>/io}; empty when the process is gone or the file is not readable (another user). */
    public static Optional<ProcessIo> read(Path proc, long pid) {
        try {
            return Optional.of(
                    parse(Files.readString(proc.resolve(Long.toString(pid)).resolve("io"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public ProcessIo minus(ProcessIo earlier) {
        return new ProcessIo(
                rchar - earlier.rchar, wchar - earlier.wchar, syscr - earlier.syscr, syscw - earlier.syscw);
    }
}
