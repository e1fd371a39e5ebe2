package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadsTests {

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() {
        assertThat(Payloads.bytes(1, 1000)).isEqualTo(Payloads.bytes(1, 1000)).isNotEqualTo(Payloads.bytes(2, 1000));
        assertThat(Payloads.sha256(1, 1000)).isEqualTo(Payloads.sha256(Payloads.bytes(1, 1000)));
    }

    @Test
    void streamHasExactlyTheRequestedLength() throws Exception {
        try (var in = Payloads.stream(3, 70_001)) {
            assertThat(in.readAllBytes()).hasSize(70_001);
        }
    }
}
