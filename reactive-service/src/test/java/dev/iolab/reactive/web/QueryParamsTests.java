package dev.iolab.reactive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParamsTests {

    @Test
    void findsTheParameterAnywhereAndDecodesUtf8() {
        assertThat(QueryParams.first("msg=hello", "msg")).isEqualTo("hello");
        assertThat(QueryParams.first("a=1&msg=h%C3%A9+x&msg=2", "msg")).isEqualTo("hé x");
        assertThat(QueryParams.first("msgx=1&msg=", "msg")).isEmpty();
        assertThat(QueryParams.first("msg", "msg")).isEmpty();
    }

    @Test
    void absentParameterIsNull() {
        assertThat(QueryParams.first(null, "msg")).isNull();
        assertThat(QueryParams.first("other=1", "msg")).isNull();
        assertThat(QueryParams.first("", "msg")).isNull();
    }

    @Test
    void malformedEscapeIsRejected() {
        assertThatThrownBy(() -> QueryParams.first("msg=%zz", "msg")).isInstanceOf(IllegalArgumentException.class);
    }
}
