package dev.iolab.blocking.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.blocking.BlockingServiceApplication;
import dev.iolab.contract.DataDirectory;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.nio.file.Path;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application per profile (port 0) and reads what Tomcat actually runs with. */
class TomcatSettingsTests {

    @TempDir
    Path dataDir;

    @Test
    void platformProfileRunsThePoolOfTwoHundredWithTheContractLimitsAndFixtures() {
        try (ConfigurableApplicationContext context = start(Target.MVC_PLATFORM)) {
            AbstractHttp11Protocol<?> protocol = protocol(context);
            assertThat(protocol.getExecutor())
                    .isInstanceOfSatisfying(
                            ThreadPoolExecutor.class,
                            pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(Limits.PLATFORM_THREADS));
            assertThat(protocol.getMaxConnections()).isEqualTo(Limits.MAX_CONNECTIONS);
            assertThat(protocol.getAcceptCount()).isEqualTo(Limits.ACCEPT_BACKLOG);
            assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(Limits.MAX_HEADER_SECTION_BYTES);
            assertThat(protocol.getConnectionTimeout()).isEqualTo((int) Limits.HEADER_READ_TIMEOUT.toMillis());
            assertThat(protocol.getKeepAliveTimeout()).isEqualTo((int) Limits.KEEP_ALIVE_TIMEOUT.toMillis());
            assertThat(protocol.getMaxKeepAliveRequests())
                    .as("unlimited requests per connection")
                    .isEqualTo(-1);
            assertThat(protocol.getProcessorCache())
                    .as("a reusable processor per connection")
                    .isEqualTo(Limits.MAX_CONNECTIONS);
            assertThat(protocol.getMaxSwallowSize()).isGreaterThan((int) Limits.MAX_UPLOAD_BYTES);
            assertThat(protocol.getContinueResponseTiming()).isEqualTo("onRead");
            assertThat(context.getBean(ThreadModelReport.class).threadModel())
                    .contains(Integer.toString(Limits.PLATFORM_THREADS))
                    .contains("platform");
            // Startup created the fixtures in the (empty) data directory.
            for (String name : Fixtures.SIZES.keySet()) {
                assertThat(dataDir.resolve(name)).hasSize(Fixtures.SIZES.get(name));
            }
        }
    }

    @Test
    void virtualProfileRunsEachRequestOnAVirtualThread() {
        try (ConfigurableApplicationContext context = start(Target.MVC_VIRTUAL)) {
            assertThat(protocol(context).getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
            assertThat(protocol(context).getMaxConnections()).isEqualTo(Limits.MAX_CONNECTIONS);
            assertThat(context.getBean(ThreadModelReport.class).threadModel()).contains("virtual");
            assertThat(context.getEnvironment().getProperty("management.metrics.tags.iomodel"))
                    .isEqualTo(Target.MVC_VIRTUAL.id());
        }
    }

    private ConfigurableApplicationContext start(Target target) {
        return new SpringApplicationBuilder(BlockingServiceApplication.class)
                .profiles(target.variant())
                .properties("server.port=0", DataDirectory.PROPERTY + "=" + dataDir)
                .run();
    }

    private static AbstractHttp11Protocol<?> protocol(ConfigurableApplicationContext context) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return (AbstractHttp11Protocol<?>) server.getTomcat().getConnector().getProtocolHandler();
    }
}
