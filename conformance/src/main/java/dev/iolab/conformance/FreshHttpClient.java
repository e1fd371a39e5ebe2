package dev.iolab.conformance;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives every conformance test its own JDK HttpClient, so one rule's broken connections never fail the next. */
public final class FreshHttpClient implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Http.renew();
    }
}
