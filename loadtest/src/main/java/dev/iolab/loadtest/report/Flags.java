package dev.iolab.loadtest.report;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The honesty rules of the report: a row says when its numbers describe the load generator rather than the
 * target, when requests failed, and when the client and the server disagree on how many requests there were.
 */
public final class Flags {

    /** Share of its CPUs above which the load generator, not the target, is taken to be the bottleneck. */
    public static final double CLIENT_BOUND_CPU_SHARE = 0.85;
    /** An open-model run that reaches less than this share of its asked rate was limited by the client side. */
    public static final double RATE_REACHED_SHARE = 0.95;

    public static final double MAX_ERROR_PERCENT = 0.1;
    public static final double MAX_COUNT_MISMATCH_PERCENT = 1.0;

    public static final String CLIENT_BOUND = "client-bound";
    public static final String ERRORS = "errors";
    public static final String COUNT_MISMATCH = "count-mismatch";
    public static final String NO_SERVER_COUNT = "no-server-count";

    private Flags() {}

    /** {@code askedRps} is the open-model request rate (0 in the closed model). */
    public static List<String> of(ClientNumbers client, ServerNumbers server, double loadCpuShare, double askedRps) {
        return of(client, server, loadCpuShare, askedRps, 0);
    }

    /**
     * As above; {@code inFlight} requests the server may have answered beyond the client's count: wrk stops at its
     * deadline without counting the requests then in flight (one per connection), Gatling lets them finish (0).
     */
    public static List<String> of(
            ClientNumbers client, ServerNumbers server, double loadCpuShare, double askedRps, int inFlight) {
        List<String> flags = new ArrayList<>();
        if (loadCpuShare >= CLIENT_BOUND_CPU_SHARE
                || (askedRps > 0 && client.throughputRps() < RATE_REACHED_SHARE * askedRps)) {
            flags.add(CLIENT_BOUND);
        }
        if (client.errorPercent() > MAX_ERROR_PERCENT || client.requests() == 0) {
            flags.add(ERRORS);
        }
        if (server.requests() == null) {
            flags.add(NO_SERVER_COUNT);
        } else if (mismatchPercent(client.requests(), server.requests() - excess(client, server, inFlight))
                > MAX_COUNT_MISMATCH_PERCENT) {
            flags.add(COUNT_MISMATCH);
        }
        return flags;
    }

    private static long excess(ClientNumbers client, ServerNumbers server, int inFlight) {
        return Math.max(0, Math.min(inFlight, server.requests() - client.requests()));
    }

    static double mismatchPercent(long client, long server) {
        return 100.0 * Math.abs(client - server) / Math.max(1, Math.max(client, server));
    }
}
