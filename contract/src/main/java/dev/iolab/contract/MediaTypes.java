package dev.iolab.contract;

import java.util.Locale;

/** The content types the contract fixes: echo's text, the echo default and the file types by extension. */
public final class MediaTypes {

    public static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String JSON = "application/json";
    public static final String HTML = "text/html";

    private MediaTypes() {}

    /** Content-Type of a data-directory file: by extension, {@link #OCTET_STREAM} when unknown. */
    public static String forFileName(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "txt" -> TEXT_PLAIN;
            case "json" -> JSON;
            case "html" -> HTML;
            default -> OCTET_STREAM;
        };
    }
}
