package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.MetricNames;
import org.junit.jupiter.api.Test;

/** The gateway's Reactor Netty uri tag has one value per target plus NOT_FOUND, whatever paths arrive. */
class NettyServerMetricsTests {

    @Test
    void aTargetPathIsTaggedWithItsRoutePrefix() {
        assertThat(NettyServerMetrics.uriTag("/plain-epoll/echo?msg=x")).isEqualTo("/plain-epoll/**");
        assertThat(NettyServerMetrics.uriTag("/mvc-virtual")).isEqualTo("/mvc-virtual/**");
    }

    @Test
    void anythingElseIsNotFound() {
        assertThat(NettyServerMetrics.uriTag("/random-1234/x")).isEqualTo(MetricNames.URI_NOT_FOUND);
        assertThat(NettyServerMetrics.uriTag("/")).isEqualTo(MetricNames.URI_NOT_FOUND);
        assertThat(NettyServerMetrics.uriTag("*")).isEqualTo(MetricNames.URI_NOT_FOUND);
        assertThat(NettyServerMetrics.uriTag(null)).isEqualTo(MetricNames.URI_NOT_FOUND);
    }
}
