package dev.iolab.contract;

/** The paths, query parameters and fixed bodies of the contract's endpoints (docs/contract.md, "Endpoints"). */
public final class Endpoints {

    public static final String ECHO = "/echo";
    /** Query parameter of {@code GET /echo}: percent-encoded UTF-8 text to send back. */
    public static final String ECHO_PARAM = "msg";

    /** Prefix of the file endpoints; the rest of the path is the file name. */
    public static final String FILES_PREFIX = "/files/";
    /** The templated {@code uri} tag value (and Spring mapping) of the file endpoints. */
    public static final String FILES_TEMPLATE = "/files/{name}";
    /** Name of the path variable in {@link #FILES_TEMPLATE}. */
    public static final String FILES_NAME_VARIABLE = "name";

    public static final String DELAY = "/delay";
    /** Query parameter of {@code GET /delay}: milliseconds to wait, 0..{@link Limits#MAX_DELAY_MS}. */
    public static final String DELAY_PARAM = "ms";
    /** Body of a successful {@code GET /delay}. */
    public static final String DELAY_BODY = "ok";

    public static final String HEALTH = "/actuator/health";
    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String READINESS = "/actuator/health/readiness";
    public static final String PROMETHEUS = "/actuator/prometheus";
    /** Body of a healthy {@code GET /actuator/health} (and its groups). */
    public static final String HEALTH_UP_BODY = "{\"status\":\"UP\"}";

    private Endpoints() {}

    /** The {@code uri} tag for a request path: the template for known endpoints, otherwise null. */
    public static String uriTemplate(String path) {
        if (path.equals(ECHO)) {
            return ECHO;
        }
        if (path.equals(DELAY)) {
            return DELAY;
        }
        if (path.startsWith(FILES_PREFIX)
                && path.length() > FILES_PREFIX.length()
                && path.indexOf('/', FILES_PREFIX.length()) < 0) {
            return FILES_TEMPLATE;
        }
        if (path.equals(HEALTH) || path.equals(LIVENESS) || path.equals(READINESS) || path.equals(PROMETHEUS)) {
            return path;
        }
        return null;
    }
}
