package dev.iolab.blocking.server;

import dev.iolab.blocking.IolabProperties;
import dev.iolab.contract.Target;
import java.util.concurrent.Executor;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says at startup which target runs and proves its thread model from Tomcat's actual request executor
 * (a virtual-thread executor, or a pool of platform threads and its size), not from the configuration.
 */
@Component
public class ThreadModelReport implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ThreadModelReport.class);

    private final IolabProperties properties;
    private volatile String threadModel = "not started";

    ThreadModelReport(IolabProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat) {
            threadModel = describe(
                    tomcat.getTomcat().getConnector().getProtocolHandler().getExecutor());
        }
        String model = Target.byId(properties.target()).map(Target::model).orElse("?");
        log.info(
                "target {} ({}) on port {}: requests run on {}; data dir {}",
                properties.target(),
                model,
                event.getWebServer().getPort(),
                threadModel,
                properties.dataDir());
    }

    /** What runs requests, e.g. {@code virtual threads} or {@code a pool of 200 platform threads}. */
    public String threadModel() {
        return threadModel;
    }

    static String describe(Executor executor) {
        if (executor instanceof VirtualThreadExecutor) {
            return "virtual threads (one per request)";
        }
        if (executor instanceof ThreadPoolExecutor pool) {
            return "a pool of " + pool.getMaximumPoolSize() + " platform threads";
        }
        return String.valueOf(executor);
    }
}
