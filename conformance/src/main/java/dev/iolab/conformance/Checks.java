package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Headers;
import dev.iolab.contract.Target;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Assertions shared by the conformance classes; every message carries the response that broke the rule. */
public final class Checks {

    private Checks() {}

    /** The status is one of {@code expected}; otherwise the message shows the whole response. */
    public static void status(HttpResponse<?> response, int... expected) {
        assertThat(response.statusCode())
                .as(
                        "status of %s %s, response:%n%s",
                        response.request().method(), response.request().uri(), Describe.response(response))
                .isIn(Arrays.stream(expected).boxed().toList());
    }

    public static void status(RawResponse response, String request, int... expected) {
        assertThat(response.status())
                .as("status for request%n    %s%nresponse:%n%s", Describe.request(request), response.describe())
                .isIn(Arrays.stream(expected).boxed().toList());
    }

    /** X-IO-Model, Date and body framing, as the contract wants on every response the target produces. */
    public static void common(TargetUnderTest target, HttpResponse<?> response) {
        String what = Describe.response(response);
        assertThat(response.headers().firstValue(Headers.X_IO_MODEL))
                .as("X-IO-Model of%n%s", what)
                .contains(target.id());
        date(response.headers().firstValue("Date"), what);
        if (framed(response.statusCode(), response.request().method())) {
            assertThat(response.headers().firstValue("Content-Length").isPresent()
                            || chunked(response.headers().firstValue("Transfer-Encoding")))
                    .as("Content-Length or Transfer-Encoding: chunked on%n%s", what)
                    .isTrue();
        }
    }

    /** Date and framing on a raw response; X-IO-Model too unless the HTTP engine may have answered alone. */
    public static void common(TargetUnderTest target, RawResponse response, String method, boolean ioModel) {
        if (ioModel) {
            assertThat(response.header(Headers.X_IO_MODEL))
                    .as("X-IO-Model of%n%s", response.describe())
                    .contains(target.id());
        }
        date(response.header("Date"), response.describe());
        if (framed(response.status(), method)) {
            assertThat(response.framing())
                    .as("body framing of%n%s", response.describe())
                    .isIn("content-length", "chunked");
        }
    }

    /**
     * An answer the HTTP engine may have written by itself (a refused request): {@code X-IO-Model} all the same
     * (the target's id, or the gateway's when a gateway in front refused it) and never an engine's HTML error page.
     */
    public static void engineAnswer(TargetUnderTest target, RawResponse response) {
        String what = response.describe();
        List<String> models = target.proxied() ? List.of(target.id(), Target.GATEWAY_ID) : List.of(target.id());
        assertThat(response.header(Headers.X_IO_MODEL))
                .as("X-IO-Model of the engine's own answer%n%s", what)
                .hasValueSatisfying(v -> assertThat(v).isIn(models));
        if (response.bodyLength() > 0) {
            assertThat(response.header("Content-Type").map(Checks::essence))
                    .as("Content-Type of the error body of%n%s", what)
                    .isNotEqualTo(Optional.of("text/html"));
            assertThat(response.bodyText().toLowerCase(Locale.ROOT))
                    .as("an error body without HTML%n%s", what)
                    .doesNotContain("<html")
                    .doesNotContain("<!doctype");
        }
    }

    /** {@link #engineAnswer}, and a body that is empty or {@code text/plain} ({@code dev.iolab.contract.EngineErrors}). */
    public static void plainEngineAnswer(TargetUnderTest target, RawResponse response) {
        engineAnswer(target, response);
        if (response.bodyLength() > 0) {
            assertThat(response.header("Content-Type").map(Checks::essence))
                    .as("Content-Type of the engine's error body of%n%s", response.describe())
                    .contains("text/plain");
        }
    }

    /** Media types compared the way HTTP does: type/subtype and charset case-insensitive, spaces ignored. */
    public static String normalizedMediaType(String value) {
        return value == null ? null : value.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
    }

    /** The type/subtype part of a Content-Type value, lower case. */
    public static String essence(String value) {
        if (value == null) {
            return null;
        }
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean framed(int status, String method) {
        return status >= 200 && status != 204 && status != 304 && !"HEAD".equals(method);
    }

    private static boolean chunked(Optional<String> transferEncoding) {
        return transferEncoding
                .map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                .orElse(false);
    }

    private static void date(Optional<String> date, String what) {
        assertThat(date).as("Date header of%n%s", what).isPresent();
        try {
            ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new AssertionError("Date is not an IMF-fixdate (RFC 9110 §5.6.7): " + date.get() + " in\n" + what, e);
        }
    }
}
