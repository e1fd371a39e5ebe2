package dev.iolab.contract;

/** Header names and values that the contract adds to or reads from every exchange. */
public final class Headers {

    /** Names the target that produced a response: {@code X-IO-Model: <target id>}. */
    public static final String X_IO_MODEL = "X-IO-Model";

    private Headers() {}
}
