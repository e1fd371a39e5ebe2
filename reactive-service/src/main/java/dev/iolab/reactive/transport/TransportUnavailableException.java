package dev.iolab.reactive.transport;

/** Thrown at startup when the transport the profile asks for cannot run here: iolab never falls back silently. */
public class TransportUnavailableException extends IllegalStateException {

    private final Transport transport;

    public TransportUnavailableException(Transport transport) {
        super(
                "The " + transport.id() + " transport is unavailable: " + describe(transport.unavailabilityCause()),
                transport.unavailabilityCause());
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no cause given";
        }
        StringBuilder text = new StringBuilder(String.valueOf(cause));
        for (Throwable t = cause.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            text.append(" <- ").append(t);
        }
        return text.toString();
    }
}
