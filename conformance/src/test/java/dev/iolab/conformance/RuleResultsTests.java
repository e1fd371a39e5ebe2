package dev.iolab.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleResultsTests {

    @Test
    void squeezesAnAssertjFailureWithAMultiLineDescriptionOntoOneLine() {
        AssertionError error = new AssertionError("""
                [status of GET http://x/delay?ms=abc, response:
                    GET http://x/delay?ms=abc -> 200
                    content-length: 2]\s
                Expecting actual:
                  200
                to be in:
                  [400]
                """);
        assertThat(RuleResults.firstLine(error))
                .isEqualTo("status of GET http://x/delay?ms=abc, response: Expecting actual: 200 to be in: [400]");
    }

    @Test
    void keepsOtherMessagesOnOneLineAndBounded() {
        assertThat(RuleResults.firstLine(new IllegalStateException("one\ntwo"))).isEqualTo("one two");
        assertThat(RuleResults.firstLine(new RuntimeException("x".repeat(1000))))
                .hasSize(303);
        assertThat(RuleResults.firstLine(new RuntimeException())).isEqualTo("RuntimeException");
    }
}
