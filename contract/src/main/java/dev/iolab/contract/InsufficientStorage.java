package dev.iolab.contract;

/**
 * A write that failed because the file system is full (ENOSPC) or the quota is spent (EDQUOT): the contract
 * answers 507 Insufficient Storage (RFC 4918 §11.5) with the temporary file deleted, not a generic 500.
 */
public final class InsufficientStorage {

    /** 507 Insufficient Storage. */
    public static final int STATUS = 507;
    /** The reason phrase. */
    public static final String REASON = "Insufficient Storage";

    private InsufficientStorage() {}

    /**
     * True when {@code error} or one of its causes is the JDK's IOException for ENOSPC or EDQUOT: the JDK has no
     * type for them, only strerror(3)'s text, which glibc and musl spell the same way.
     */
    public static boolean is(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            String message = e.getMessage();
            if (e instanceof java.io.IOException
                    && message != null
                    && (message.contains("No space left on device") || message.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
