package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One query parameter, percent-decoded once; the decoding rule itself ({@link PercentDecoding}). */
class QueryParametersTests {

    @Test
    void firstValueIsDecodedOnce() {
        assertThat(QueryParameters.first("msg=hello", "msg")).isEqualTo("hello");
        assertThat(QueryParameters.first("a=1&msg=h%C3%A9+x&msg=2", "msg")).isEqualTo("hé x");
        assertThat(QueryParameters.first("msg=%2541", "msg")).isEqualTo("%41");
        assertThat(QueryParameters.first("msgx=1&msg=", "msg")).isEmpty();
        assertThat(QueryParameters.first("msg", "msg")).isEmpty();
    }

    @Test
    void absentIsNull() {
        assertThat(QueryParameters.first(null, "msg")).isNull();
        assertThat(QueryParameters.first("other=1", "msg")).isNull();
        assertThat(QueryParameters.first("", "msg")).isNull();
    }

    @Test
    void malformedEscapesAndBytesThrow() {
        assertThatThrownBy(() -> QueryParameters.first("msg=%zz", "msg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryParameters.first("msg=%4", "msg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryParameters.first("msg=%C3", "msg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathSegmentsKeepPlusAndRawUnicode() {
        assertThat(PercentDecoding.decode("a+b", false)).isEqualTo("a+b");
        assertThat(PercentDecoding.decode("a+b", true)).isEqualTo("a b");
        assertThat(PercentDecoding.decode("%2e%2E", false)).isEqualTo("..");
        assertThat(PercentDecoding.decode("é😀%41", false)).isEqualTo("é😀A");
        assertThat(PercentDecoding.decode("%", false)).isNull();
    }
}
