package dev.iolab.loadtest.runner;

import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What one target's measurements run against: the target (launched here or remote) and, with
 * {@code --via-gateway}, the gateway in front of it; load goes to {@link #loadUrl}, server numbers come from the target.
 */
public record Deployment(String id, TargetProcess target, TargetProcess gateway) implements AutoCloseable {

    public static Deployment open(String id, CompareOptions options, CpuPinning pinning, Path logs) throws IOException {
        String url = options.baseUrls().get(id);
        TargetProcess target = url != null
                ? TargetProcess.remote(id, url)
                : TargetProcess.launch(
                        Target.byId(id)
                                .orElseThrow(() -> new IOException(
                                        "unknown target " + id + " (known: " + String.join(",", Target.ids()) + ")")),
                        options.repoRoot(),
                        pinning.targetPrefix(),
                        logs.resolve(id + ".log"));
        try {
            target.pid().ifPresent(pid -> pinQuietly(pinning, pid));
        } catch (RuntimeException e) {
            target.close();
            throw e;
        }
        if (!options.viaGateway()) {
            return new Deployment(id, target, null);
        }
        try {
            // the gateway shares the target's CPUs: it is part of the system under test, not of the load
            TargetProcess gateway = TargetProcess.launchGateway(
                    options.repoRoot(),
                    id,
                    target.baseUrl(),
                    pinning.targetPrefix(),
                    logs.resolve("gateway-" + id + ".log"));
            gateway.pid().ifPresent(pid -> pinQuietly(pinning, pid));
            return new Deployment(id, target, gateway);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private static void pinQuietly(CpuPinning pinning, long pid) {
        try {
            pinning.pinTarget(pid);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the load goes: the target, or its route on the gateway. */
    public String loadUrl() {
        return gateway == null ? target.baseUrl() : gateway.baseUrl() + "/" + id;
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        target.close();
    }
}
