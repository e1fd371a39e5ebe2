package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class BodyLimitFilterTests {

    @Test
    void echoAndUploadHaveTheContractsLimits() {
        assertThat(BodyLimitFilter.limitFor(HttpMethod.POST, Endpoints.ECHO)).isEqualTo(Limits.MAX_ECHO_BYTES);
        assertThat(BodyLimitFilter.limitFor(HttpMethod.PUT, Endpoints.FILES_PREFIX + "a.bin"))
                .isEqualTo(Limits.MAX_UPLOAD_BYTES);
    }

    @Test
    void otherMethodsAndPathsAreLeftToTheTarget() {
        assertThat(BodyLimitFilter.limitFor(HttpMethod.PUT, Endpoints.ECHO)).isEqualTo(BodyLimitFilter.NONE);
        assertThat(BodyLimitFilter.limitFor(HttpMethod.POST, Endpoints.FILES_PREFIX + "a.bin"))
                .isEqualTo(BodyLimitFilter.NONE);
        assertThat(BodyLimitFilter.limitFor(HttpMethod.PUT, Endpoints.FILES_PREFIX + "a/b"))
                .isEqualTo(BodyLimitFilter.NONE);
        assertThat(BodyLimitFilter.limitFor(HttpMethod.POST, Endpoints.DELAY)).isEqualTo(BodyLimitFilter.NONE);
    }
}
