package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceTargetsTests {

    @Test
    void aRuleAboutTheServerRunsOnTheFirstTargetOfEachServerOnly() {
        List<TargetUnderTest> targets = List.of(
                target("mvc-platform", "mvc-platform"),
                target("plain-epoll", "plain-epoll"),
                target("gateway/mvc-platform", "gateway"),
                target("gateway/plain-epoll", "gateway"),
                target("gateway/plain-aio", "gateway"));

        assertThat(ConformanceTargets.onePerServer(targets))
                .extracting(TargetUnderTest::label)
                .containsExactly("mvc-platform", "plain-epoll", "gateway/mvc-platform");
    }

    @Test
    void targetsServedDirectlyAreEachTheirOwnServer() {
        TargetUnderTest a = new UrlTarget("plain-poll", URI.create("http://127.0.0.1:1"));
        TargetUnderTest b = new UrlTarget("plain-mmap", URI.create("http://127.0.0.1:2"));

        assertThat(ConformanceTargets.onePerServer(List.of(a, b))).containsExactly(a, b);
    }

    private static TargetUnderTest target(String label, String server) {
        return new TargetUnderTest() {
            @Override
            public String id() {
                return label.substring(label.indexOf('/') + 1);
            }

            @Override
            public URI baseUri() {
                throw new AssertionError("choosing the servers must not reach the target");
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public String server() {
                return server;
            }
        };
    }
}
