package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.TransferCoding.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferCodingTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chunked",
                "Chunked",
                "CHUNKED",
                " chunked",
                "chunked\t",
                "\tchunked ",
                ", chunked",
                "chunked ,",
                ",,chunked,,"
            })
    void exactlyChunkedIsChunked(String value) {
        assertThat(TransferCoding.verdict(value)).isEqualTo(Verdict.CHUNKED);
        assertThat(TransferCoding.isChunkedFinal(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gzip, chunked",
                "gzip,chunked",
                "x-custom ; q=1 , chunked",
                "gzip;level=\"9 \\\"x\\\"\", chunked"
            })
    void otherCodingsBeforeChunkedAreUnsupported(String value) {
        assertThat(TransferCoding.verdict(value)).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(TransferCoding.verdict(value).status()).isEqualTo(501);
        assertThat(TransferCoding.isChunkedFinal(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u00a0chunked",
                "chunked\u00a0",
                "chunked, identity",
                "identity",
                "x-chunked",
                "chunked;",
                "chunked;a=b",
                "\u000bchunked",
                "chunked\u000c",
                "\u0085chunked",
                "ch\u00fcnked",
                "\"chunked\"",
                "chunked chunked",
                "chunked, chunked",
                "chunked,gzip",
                "",
                " ",
                ",",
                "chunk",
                "chunked\r",
                "chunked\u0000",
                "gzip;=1, chunked",
                "gzip;a=\"open, chunked",
                "gzip;a, chunked",
                "gzip;a=\u00e9, chunked",
                "chunked\u3000"
            })
    void anythingElseIsMalformed(String value) {
        assertThat(TransferCoding.verdict(value)).as("'%s'", value).isEqualTo(Verdict.MALFORMED);
        assertThat(TransferCoding.verdict(value).status()).isEqualTo(400);
        assertThat(TransferCoding.isChunkedFinal(value)).isFalse();
    }

    @Test
    void repeatedFieldsConcatenate() {
        assertThat(TransferCoding.verdict(List.of("gzip", "chunked"))).isEqualTo(Verdict.UNSUPPORTED);
        assertThat(TransferCoding.verdict(List.of("chunked", "chunked"))).isEqualTo(Verdict.MALFORMED);
        assertThat(TransferCoding.verdict(List.of("chunked", "identity"))).isEqualTo(Verdict.MALFORMED);
        assertThat(TransferCoding.verdict(List.of("", "chunked"))).isEqualTo(Verdict.CHUNKED);
    }

    @Test
    void noFieldIsAbsent() {
        assertThat(TransferCoding.verdict(List.of())).isEqualTo(Verdict.ABSENT);
        assertThat(TransferCoding.verdict((List<String>) null)).isEqualTo(Verdict.ABSENT);
        assertThat(Verdict.ABSENT.refused()).isFalse();
        assertThat(Verdict.CHUNKED.refused()).isFalse();
        assertThat(Verdict.MALFORMED.refused()).isTrue();
    }
}
