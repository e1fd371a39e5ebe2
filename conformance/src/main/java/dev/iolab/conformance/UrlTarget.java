package dev.iolab.conformance;

import java.net.URI;

/** An already running server at a URL (CLI, containers, gateway routes): nothing to launch or stop. */
public record UrlTarget(String id, URI baseUri, String label) implements TargetUnderTest {

    public UrlTarget(String id, URI baseUri) {
        this(id, baseUri, id);
    }

    @Override
    public String toString() {
        return label;
    }
}
