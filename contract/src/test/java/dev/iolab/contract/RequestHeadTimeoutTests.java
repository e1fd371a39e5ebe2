package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

class RequestHeadTimeoutTests {

    private EmbeddedChannel channel;

    @BeforeEach
    void channel() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(NettyPipeline.HttpCodec, new HttpServerCodec());
        new RequestHeadTimeout(Duration.ofSeconds(20)).install(channel.pipeline());
    }

    @Test
    void headTrickledPastTheTimeoutClosesTheConnection() {
        send("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int second = 1; second <= 19; second++) {
            advance(1);
            send("X-a: b\r\n"); // every line resets an idle or read timer; this deadline stays
        }
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void completeHeadDisarmsAndASilentBodyIsLeftToTheReadTimeout() {
        send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n");
        advance(19);
        send("12345"); // body bytes do not arm a head deadline
        advance(30);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void idleKeepAliveConnectionIsNotClosedButTheNextHeadIsTimed() {
        send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        advance(50); // idle between requests: the keep-alive timeout's business
        assertThat(channel.isOpen()).isTrue();
        send("GET / HTTP/1.1\r\n");
        advance(19);
        assertThat(channel.isOpen()).isTrue();
        advance(1);
        assertThat(channel.isOpen()).isFalse();
    }

    private void send(String ascii) {
        channel.writeInbound(Unpooled.copiedBuffer(ascii, StandardCharsets.US_ASCII));
        channel.inboundMessages().forEach(io.netty.util.ReferenceCountUtil::release);
        channel.inboundMessages().clear();
    }

    private void advance(int seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }
}
