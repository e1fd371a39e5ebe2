package dev.iolab.conformance.hostile;

import dev.iolab.conformance.PrometheusText;
import dev.iolab.contract.Endpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The live threads and resident memory a target reports on its management port's Prometheus endpoint
 * ({@code jvm_threads_live_threads}, {@code process_resident_memory_bytes}): what an attack holds is the
 * difference between two readings. Measurements only; a reading that fails is empty, never a guess.
 */
public final class ProcessGauges {

    /** One reading; NaN where the target did not report the series or could not be read. */
    public record Reading(double threads, double rssBytes) {

        static final Reading NONE = new Reading(Double.NaN, Double.NaN);

        /** {@code +N threads, +M MiB RSS} relative to {@code before}, or {@code n/a} parts. */
        public String heldSince(Reading before) {
            return since(before).asHeld();
        }

        /** The difference from {@code before}: what was added since (NaN where either reading lacks it). */
        public Reading since(Reading before) {
            return new Reading(threads - before.threads, rssBytes - before.rssBytes);
        }

        /** This reading as a difference: {@code +N threads, +M MiB RSS}, or {@code n/a} parts. */
        public String asHeld() {
            return delta(threads, "", " threads") + ", " + delta(rssBytes / (1 << 20), "", " MiB RSS");
        }

        private static String delta(double d, String prefix, String unit) {
            return Double.isNaN(d) ? "n/a" + unit : String.format("%s%+.0f%s", prefix, d, unit);
        }
    }

    private final URI metrics;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Reads {@code management}'s {@code /actuator/prometheus}; {@code null} reads nothing (no management port known). */
    public ProcessGauges(URI management) {
        this.metrics = management == null ? null : management.resolve(Endpoints.PROMETHEUS);
    }

    /** A reading now. */
    public Reading read() {
        if (metrics == null) {
            return Reading.NONE;
        }
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Reading.NONE;
            }
            var samples = PrometheusText.parse(response.body());
            return new Reading(
                    first(samples, "jvm_threads_live_threads"), first(samples, "process_resident_memory_bytes"));
        } catch (Exception e) {
            return Reading.NONE;
        }
    }

    private static double first(java.util.List<PrometheusText.Sample> samples, String name) {
        OptionalDouble value = samples.stream()
                .filter(s -> s.name().equals(name))
                .mapToDouble(PrometheusText.Sample::number)
                .findFirst();
        return value.orElse(Double.NaN);
    }
}
