package dev.iolab.reactive.web;

import dev.iolab.contract.Limits;
import dev.iolab.contract.RequestHeadTimeout;
import dev.iolab.contract.StalledConnectionTimeout;
import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Applies the contract's equal limits to Reactor Netty, last, so that Boot's property defaults (8 KiB headers)
 * cannot override them: request line, header section, header validation, backlog, idle keep-alive, the time a
 * request head may take.
 */
@Component
class ServerLimitsCustomizer implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        RequestHeadTimeout headTimeout = new RequestHeadTimeout(Limits.HEADER_READ_TIMEOUT);
        StalledConnectionTimeout stallTimeout = new StalledConnectionTimeout(Limits.KEEP_ALIVE_TIMEOUT);
        factory.addServerCustomizers(server -> stallTimeout.apply(headTimeout.apply(server
                // RFC 9112 §3: request line over the limit -> 414; header section over the limit -> 431
                .httpRequestDecoder(spec -> spec.maxInitialLineLength(Limits.MAX_REQUEST_LINE_BYTES)
                        .maxHeaderSize(Limits.MAX_HEADER_SECTION_BYTES)
                        .validateHeaders(true))
                .option(ChannelOption.SO_BACKLOG, Limits.ACCEPT_BACKLOG)
                // closes a keep-alive connection idle this long between requests
                .idleTimeout(Limits.KEEP_ALIVE_TIMEOUT)
                // a request body that stalls this long between reads is cut off (slowloris on bodies); the head itself
                // is held to the same time by RequestHeadTimeout, which Reactor Netty's own timeouts do not cover
                .readTimeout(Limits.HEADER_READ_TIMEOUT))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
