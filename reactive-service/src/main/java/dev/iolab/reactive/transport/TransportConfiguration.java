package dev.iolab.reactive.transport;

import dev.iolab.contract.Target;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * Runs the HTTP server on the transport the target names, and proves it: a startup log line, the
 * {@code iolab_transport_info} gauge and the actuator info entry name the transport, the server channel
 * class and the event-loop threads.
 */
@Configuration(proxyBeanMethods = false)
class TransportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransportConfiguration.class);

    private final AtomicReference<String> serverChannel = new AtomicReference<>("not bound yet");

    @Bean(destroyMethod = "dispose")
    TransportLoopResources transportLoopResources(Target target) {
        // Reactor Netty's own default worker count: max(cores, 4)
        return new TransportLoopResources(Transport.of(target), LoopResources.DEFAULT_IO_WORKER_COUNT);
    }

    /**
     * Boot's NettyWebServer runs the server on the ReactorResourceFactory's loops (overriding any runOn in a
     * NettyServerCustomizer), so the transport is pinned here: a factory that never uses Reactor Netty's
     * global, auto-detected loops.
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory(TransportLoopResources loops) {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(loops);
        return factory;
    }

    /** Logs what actually bound: the server channel's class and the thread of its event loop. */
    @Bean
    NettyServerCustomizer transportProof(TransportLoopResources loops) {
        return server -> server.doOnBound(bound -> {
            Channel channel = bound.channel();
            serverChannel.set(channel.getClass().getName());
            log.info(
                    "Transport {}: server channel {} on event loop thread {}, {} loops of {} with {}",
                    loops.transport().id(),
                    channel.getClass().getSimpleName(),
                    Thread.currentThread().getName(),
                    loops.workers(),
                    channel.eventLoop().parent().getClass().getSimpleName(),
                    loops.transport().ioHandlerClass());
        });
    }

    @Bean
    MeterBinder transportInfo(TransportLoopResources loops) {
        return registry -> Gauge.builder("iolab.transport.info", () -> 1)
                .description("The native transport this server runs on (value is always 1)")
                .tag("transport", loops.transport().id())
                .tag("io_handler", loops.transport().ioHandlerClass())
                .tag("event_loops", Integer.toString(loops.workers()))
                .register(registry);
    }

    @Bean
    InfoContributor transportInfoContributor(TransportLoopResources loops) {
        return builder -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("transport", loops.transport().id());
            details.put("ioHandler", loops.transport().ioHandlerClass());
            details.put("serverChannel", serverChannel.get());
            details.put("eventLoops", loops.workers());
            details.put("threadPrefix", loops.transport().threadPrefix());
            builder.withDetail("transport", details);
        };
    }
}
