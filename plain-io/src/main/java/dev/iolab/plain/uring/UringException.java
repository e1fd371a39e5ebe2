package dev.iolab.plain.uring;

/** A system call of the io_uring model failed; {@link #errno} says why, the message says what was tried. */
public final class UringException extends IllegalStateException {

    private final int errno;

    UringException(String what, int errno) {
        super(what + ": " + describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The kernel refuses io_uring itself (no such system call, or a seccomp profile or sysctl forbids it). */
    public boolean refused() {
        return errno == Libc.ENOSYS || errno == Libc.EPERM;
    }

    static String describe(int errno) {
        return switch (errno) {
            case Libc.ENOSYS -> "ENOSYS (this kernel has no io_uring, or a seccomp profile hides it)";
            case Libc.EPERM -> "EPERM (io_uring is forbidden here: seccomp profile or kernel.io_uring_disabled)";
            case Libc.EINVAL -> "EINVAL";
            case 98 -> "EADDRINUSE (the port is taken)";
            default -> "errno " + errno;
        };
    }
}
