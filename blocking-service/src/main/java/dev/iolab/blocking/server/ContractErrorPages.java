package dev.iolab.blocking.server;

import dev.iolab.blocking.IolabProperties;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ContractErrorReportValve} on Tomcat's host in place of the {@link ErrorReportValve} Boot adds
 * there (its customizer runs first: this one is ordered last), so every response Tomcat writes by itself carries
 * {@code X-IO-Model} and a plain-text body.
 */
final class ContractErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final IolabProperties properties;

    ContractErrorPages(IolabProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ContractErrorReportValve(properties.target()));
            // StandardHost adds a valve of this class at start unless one is there: it is
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ContractErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
