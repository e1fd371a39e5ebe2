package dev.iolab.contract;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident set size ({@code VmRSS} of {@code /proc/self/status}) as {@code process_resident_memory_bytes},
 * the name the Prometheus client's own process collector uses. That collector is not used: it registers on the
 * Prometheus registry directly, past Micrometer's common tags, so its series would lack {@code iomodel}.
 */
public final class ResidentMemoryMetrics implements MeterBinder {

    /** Micrometer name; Prometheus shows it as {@link MetricNames#PROCESS_RESIDENT_MEMORY}. */
    public static final String NAME = "process.resident.memory";

    private final Path status;

    public ResidentMemoryMetrics() {
        this(Path.of("/proc/self/status"));
    }

    ResidentMemoryMetrics(Path status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (!Files.isReadable(status)) {
            return; // not Linux: no series rather than a series of NaN
        }
        Gauge.builder(NAME, this, ResidentMemoryMetrics::residentBytes)
                .baseUnit("bytes")
                .description("Resident set size of the process (VmRSS)")
                .strongReference(true)
                .register(registry);
    }

    /** VmRSS in bytes, read at scrape time; NaN when the file cannot be read. */
    double residentBytes() {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:	  123456 kB": the kernel always reports kB
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // a scrape must not fail because one gauge cannot be read
        }
        return Double.NaN;
    }
}
