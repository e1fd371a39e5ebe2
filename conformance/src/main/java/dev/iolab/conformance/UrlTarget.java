package dev.iolab.conformance;

import java.net.URI;
import java.util.Optional;

/** An already running server at a URL (CLI, containers, gateway routes): nothing to launch or stop. */
public record UrlTarget(String id, URI baseUri, String label, Optional<URI> managementUri) implements TargetUnderTest {

    public UrlTarget(String id, URI baseUri) {
        this(id, baseUri, id);
    }

    public UrlTarget(String id, URI baseUri, String label) {
        this(id, baseUri, label, Optional.empty());
    }

    @Override
    public String toString() {
        return label;
    }
}
