package dev.iolab.contract;

/** Metric names and tags every target exports at {@link Endpoints#PROMETHEUS}, so reports can join them. */
public final class MetricNames {

    /** Micrometer name of the request timer; Prometheus shows it as {@code http_server_requests_seconds}. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Micrometer name of the gauge of requests in flight; Prometheus shows it as {@code http_server_requests_active}. */
    public static final String HTTP_SERVER_REQUESTS_ACTIVE = "http.server.requests.active";
    /** The Prometheus family of {@link #HTTP_SERVER_REQUESTS}. */
    public static final String HTTP_SERVER_REQUESTS_PROMETHEUS = "http_server_requests_seconds";
    /** Common tag on every metric: the target id. */
    public static final String TAG_IOMODEL = "iomodel";

    public static final String TAG_METHOD = "method";
    public static final String TAG_URI = "uri";
    public static final String TAG_STATUS = "status";
    public static final String TAG_OUTCOME = "outcome";
    /** {@code uri} of a request that matched no endpoint: keeps the tag's cardinality bounded. */
    public static final String URI_NOT_FOUND = "NOT_FOUND";
    /** {@code uri} of a request whose path could not be classified at all. */
    public static final String URI_UNKNOWN = "UNKNOWN";

    /** Process and JVM metrics the report reads (Prometheus names). */
    public static final String JVM_THREADS_LIVE = "jvm_threads_live_threads";

    public static final String JVM_MEMORY_USED = "jvm_memory_used_bytes";
    public static final String PROCESS_CPU_USAGE = "process_cpu_usage";
    public static final String PROCESS_CPU_TIME = "process_cpu_time_ns_total";
    public static final String JVM_GC_PAUSE = "jvm_gc_pause_seconds";
    /** Resident set size, from {@link ResidentMemoryMetrics} in every target and the gateway. */
    public static final String PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    /** What each health probe answers, from {@link HealthProbeMetrics} in every target and the gateway. */
    public static final String HEALTH_PROBE = "iolab_health_probe";

    private MetricNames() {}

    /** The {@code uri} tag value for a request path: a template, or {@link #URI_NOT_FOUND}; a tag value stays as is. */
    public static String uriTag(String path) {
        if (URI_UNKNOWN.equals(path) || URI_NOT_FOUND.equals(path)) {
            return path;
        }
        String template = path == null ? null : Endpoints.uriTemplate(path);
        return template == null ? URI_NOT_FOUND : template;
    }

    /** HTTP status to Micrometer's {@code outcome} tag value. */
    public static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
