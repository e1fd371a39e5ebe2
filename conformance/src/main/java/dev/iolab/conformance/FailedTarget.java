package dev.iolab.conformance;

import java.net.URI;

/** A configured target that could not be started: every test against it fails with the reason. */
record FailedTarget(String id, AssertionError failure) implements TargetUnderTest {

    @Override
    public URI baseUri() {
        throw failure;
    }

    @Override
    public String toString() {
        return id;
    }
}
