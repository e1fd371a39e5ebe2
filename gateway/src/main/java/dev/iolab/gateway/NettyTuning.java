package dev.iolab.gateway;

import dev.iolab.contract.Limits;
import dev.iolab.contract.RequestHeadTimeout;
import dev.iolab.contract.StalledConnectionTimeout;
import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * The gateway's Reactor Netty server and upstream client tuned to the contract's equal limits, so that
 * the gateway never caps a comparison below what the targets behind it accept.
 */
@Configuration(proxyBeanMethods = false)
class NettyTuning {

    @Bean
    NettyServerCustomizer gatewayServerLimits() {
        RequestHeadTimeout headTimeout = new RequestHeadTimeout(Limits.HEADER_READ_TIMEOUT);
        // a client that stalls both ways (sends a large echo, never reads) would otherwise hold its connection and
        // the upstream's behind it forever
        StalledConnectionTimeout stallTimeout = new StalledConnectionTimeout(Limits.KEEP_ALIVE_TIMEOUT);
        return server -> stallTimeout.apply(headTimeout.apply(server.option(
                        ChannelOption.SO_BACKLOG, Limits.ACCEPT_BACKLOG)
                // a request whose bytes stop arriving for this long is dropped; RequestHeadTimeout also bounds the
                // whole head (a slowloris trickling a header line a second resets this timer on every read)
                .readTimeout(Limits.HEADER_READ_TIMEOUT)
                // runs after Reactor Netty added its codec: the guard sees each decoded request head first
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline()
                        .addAfter(NettyPipeline.HttpCodec, RequestHeadGuard.NAME, new RequestHeadGuard()))));
    }

    @Bean
    HttpClientCustomizer upstreamClientTuning() {
        // Nagle off: small proxied requests must not wait for the previous segment's ACK.
        return client -> client.option(ChannelOption.TCP_NODELAY, true);
    }
}
