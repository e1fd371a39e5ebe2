package dev.iolab.contract;

import java.nio.charset.StandardCharsets;

/**
 * What an error looks like when the HTTP engine answers a request by itself, before any endpoint runs (a bad
 * request line, an invalid or oversized head, an encoded slash): {@code X-IO-Model} like every response, and a
 * one-line plain-text body {@code "<status> <reason>\n"} ({@link #CONTENT_TYPE}), never an engine's HTML page.
 */
public final class EngineErrors {

    /** The media type of the body. */
    public static final String CONTENT_TYPE = MediaTypes.TEXT_PLAIN_UTF8;

    private EngineErrors() {}

    /** {@code "<status> <reason>\n"}, e.g. {@code "400 Bad Request\n"}. */
    public static String text(int status) {
        return status + " " + reason(status) + "\n";
    }

    /** {@link #text} as UTF-8 bytes. */
    public static byte[] body(int status) {
        return text(status).getBytes(StandardCharsets.UTF_8);
    }

    /** The reason phrase of RFC 9110 §15 for the statuses an engine answers with; "Error" for any other. */
    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
