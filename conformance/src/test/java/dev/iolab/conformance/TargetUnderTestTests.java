package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetUnderTestTests {

    @Test
    void appendsContractPathsToTheBaseAndItsPrefix() {
        TargetUnderTest direct = new UrlTarget("mvc-virtual", URI.create("http://127.0.0.1:8082"));
        assertThat(direct.uri("/echo?msg=a%20b")).isEqualTo(URI.create("http://127.0.0.1:8082/echo?msg=a%20b"));
        assertThat(direct.path("/files/x")).isEqualTo("/files/x");
        assertThat(direct.hostHeader()).isEqualTo("127.0.0.1:8082");

        TargetUnderTest route =
                new UrlTarget("mvc-virtual", URI.create("http://127.0.0.1:8080/mvc-virtual/"), "gateway/mvc-virtual");
        assertThat(route.uri("/delay?ms=1")).isEqualTo(URI.create("http://127.0.0.1:8080/mvc-virtual/delay?ms=1"));
        assertThat(route.path("/files/%2e%2e")).isEqualTo("/mvc-virtual/files/%2e%2e");
        assertThat(route.port()).isEqualTo(8080);
        assertThat(route).hasToString("gateway/mvc-virtual");
        assertThat(route.proxied()).isTrue();
        assertThat(direct.proxied()).isFalse();
        assertThat(new UrlTarget("plain-epoll", URI.create("http://gw:8080/plain-epoll")).proxied())
                .isTrue();
    }

    @Test
    void aTargetThatFailedToStartFailsEveryUseWithTheReason() {
        FailedTarget failed = new FailedTarget("plain-aio", new AssertionError("did not become ready"));
        assertThat(failed).hasToString("plain-aio");
        org.assertj.core.api.Assertions.assertThatThrownBy(failed::baseUri).hasMessage("did not become ready");
    }
}
