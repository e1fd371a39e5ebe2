package dev.iolab.containers;

import dev.iolab.conformance.LaunchedProcess;
import java.net.URI;

/** A container started for one test that stops it ({@code docker stop}): a target, or a gateway in front of one. */
final class DedicatedContainer implements LaunchedProcess {

    private final TargetContainer container;
    private final String id;
    private final String pathPrefix;
    private final String label;
    private final Process process;

    DedicatedContainer(TargetContainer container, String id, String pathPrefix, String label) {
        this.container = container;
        this.id = id;
        this.pathPrefix = pathPrefix;
        this.label = label;
        container.baseUri(); // fails here, with the container's log, if it did not start
        this.process =
                new ContainerProcess(container.containerId(), container.pod().terminationGracePeriodSeconds());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public URI baseUri() {
        return URI.create(container.baseUri() + pathPrefix);
    }

    @Override
    public java.util.Optional<URI> managementUri() {
        return container.managementUri();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Process process() {
        return process;
    }

    /** docker-proxy holds the published port: it accepts, then closes when the container refuses. */
    @Override
    public boolean portForwarded() {
        return true;
    }

    @Override
    public String logTail(int lines) {
        return container.log().tail(lines);
    }

    @Override
    public void close() {
        container.close();
    }

    @Override
    public String toString() {
        return label;
    }
}
