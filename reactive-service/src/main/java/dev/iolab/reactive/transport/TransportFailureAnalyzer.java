package dev.iolab.reactive.transport;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly, instead of a stack trace, that the requested native transport cannot run here and why. */
class TransportFailureAnalyzer extends AbstractFailureAnalyzer<TransportUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TransportUnavailableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Run a target whose transport this machine supports. " + hint(cause.transport())
                        + " iolab never falls back to another transport, so that a result always names what ran.",
                cause);
    }

    private static String hint(Transport transport) {
        return switch (transport) {
            case EPOLL -> "epoll needs Linux and netty-transport-native-epoll for this architecture on the classpath.";
            case IO_URING ->
                "io_uring needs Linux 5.14+, kernel.io_uring_disabled=0, a seccomp profile (e.g. Docker's) "
                        + "that allows io_uring_setup, and netty-transport-native-io_uring for this architecture.";
        };
    }
}
