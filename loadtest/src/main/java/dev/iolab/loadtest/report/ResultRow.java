package dev.iolab.loadtest.report;

import dev.iolab.loadtest.runner.ClientNumbers;
import dev.iolab.loadtest.server.ServerNumbers;
import java.util.List;
import java.util.Map;

/**
 * One row of the comparison: one target under one scenario at one concurrency, the load generator's numbers
 * beside the target's own, the honesty flags, and where Gatling's report for it lies.
 */
public record ResultRow(String target, String scenario, String engine, int users, double rate,
                        ClientNumbers client, ServerNumbers server, double loadCpuShare, List<String> flags,
                        String gatlingReport, Map<String, Object> extra) {
}
