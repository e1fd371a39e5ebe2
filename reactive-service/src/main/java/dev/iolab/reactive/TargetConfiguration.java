package dev.iolab.reactive;

import dev.iolab.contract.DataDirectory;
import dev.iolab.contract.Fixtures;
import dev.iolab.contract.Target;
import dev.iolab.contract.UploadTemporaries;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Which target this process is (from the profile) and the data directory it serves, with the fixtures in place. */
@Configuration(proxyBeanMethods = false)
class TargetConfiguration {

    @Bean
    Target target(Environment environment) {
        return ReactiveTargets.fromProfiles(environment.getActiveProfiles());
    }

    @Bean
    DataDir dataDir(Environment environment) {
        Path dir = DataDirectory.resolve(environment.getProperty(DataDirectory.PROPERTY))
                .toAbsolutePath()
                .normalize();
        // Uploads a killed process left half-written: hidden already, deleted before this one serves.
        UploadTemporaries.deleteLeftovers(dir);
        Fixtures.createIfEmpty(dir);
        return new DataDir(dir);
    }
}
