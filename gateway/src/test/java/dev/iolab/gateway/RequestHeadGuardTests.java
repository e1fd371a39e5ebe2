package dev.iolab.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestHeadGuardTests {

    @Test
    void transferEncodingOtherThanChunkedAloneIsRejected() {
        assertThat(RequestHeadGuard.verdict(List.of())).isNull();
        assertThat(RequestHeadGuard.verdict(List.of("Chunked"))).isNull();
        assertThat(RequestHeadGuard.verdict(List.of("gzip")).code()).isEqualTo(400);
        assertThat(RequestHeadGuard.verdict(List.of("gzip, chunked")).code()).isEqualTo(501);
        assertThat(RequestHeadGuard.verdict(List.of("\u00a0chunked")).code()).isEqualTo(400);
        assertThat(RequestHeadGuard.verdict(List.of("chunked, identity")).code())
                .isEqualTo(400);
        assertThat(RequestHeadGuard.verdict(List.of("\"chunked\"")).code()).isEqualTo(400);
    }

    @Test
    void requestTargetWithControlCharactersIsRejected() {
        assertThat(RequestHeadGuard.hasControlOrSpace("/echo?msg=a%00b")).isFalse();
        assertThat(RequestHeadGuard.hasControlOrSpace("/echo?msg=a\u0000b")).isTrue();
        assertThat(RequestHeadGuard.hasControlOrSpace("/echo\u007f")).isTrue();
    }
}
