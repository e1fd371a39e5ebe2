package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 9110 §13 as every target evaluates it for {@code /files/{name}}. */
class ConditionalsTests {

    private static final Instant MODIFIED = Instant.parse("1994-11-06T08:49:37Z");
    private static final FileValidators CURRENT = new FileValidators("\"a-b-c\"", MODIFIED);

    @Test
    void ifNoneMatchComparesWeaklyThroughLists() {
        assertThat(Conditionals.notModified("\"a-b-c\"", null, CURRENT)).isTrue();
        assertThat(Conditionals.notModified("W/\"a-b-c\"", null, CURRENT)).isTrue();
        assertThat(Conditionals.notModified("\"x\", \"a-b-c\"", null, CURRENT)).isTrue();
        assertThat(Conditionals.notModified("\"x\",W/\"a-b-c\"", null, CURRENT)).isTrue();
        assertThat(Conditionals.notModified("\"x\", \"y\"", null, CURRENT)).isFalse();
        assertThat(Conditionals.notModified("\"a-b-c", null, CURRENT)).isFalse();
        assertThat(Conditionals.notModified("a-b-c", null, CURRENT)).isFalse();
    }

    @Test
    void commaInsideATagIsPartOfIt() {
        FileValidators comma = new FileValidators("\"a,b\"", MODIFIED);
        assertThat(Conditionals.notModified("\"a,b\"", null, comma)).isTrue();
        assertThat(Conditionals.notModified("\"a\", \"b\"", null, comma)).isFalse();
    }

    @Test
    void starMatchesAnyCurrentVersion() {
        assertThat(Conditionals.notModified("*", null, CURRENT)).isTrue();
        assertThat(Conditionals.notModified(" * ", null, CURRENT)).isTrue();
    }

    @Test
    void ifModifiedSinceIsIgnoredWhenIfNoneMatchIsPresent() {
        assertThat(Conditionals.notModified("\"other\"", "Sun, 06 Nov 2094 08:49:37 GMT", CURRENT))
                .isFalse();
        assertThat(Conditionals.notModified("\"a-b-c\"", "Sun, 06 Nov 1904 08:49:37 GMT", CURRENT))
                .isTrue();
    }

    @Test
    void ifModifiedSinceAtOrAfterLastModifiedIs304() {
        assertThat(Conditionals.notModified(null, "Sun, 06 Nov 1994 08:49:37 GMT", CURRENT))
                .isTrue();
        assertThat(Conditionals.notModified(null, "Sun, 06 Nov 1994 08:49:38 GMT", CURRENT))
                .isTrue();
        assertThat(Conditionals.notModified(null, "Sun, 06 Nov 1994 08:49:36 GMT", CURRENT))
                .isFalse();
    }

    @Test
    void allThreeDateFormatsAreRead() {
        assertThat(Conditionals.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(MODIFIED);
        assertThat(Conditionals.httpDate("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(MODIFIED);
        assertThat(Conditionals.httpDate("Sun Nov  6 08:49:37 1994")).isEqualTo(MODIFIED);
        assertThat(Conditionals.httpDate("Sun, 6 Nov 1994 08:49:37 GMT"))
                .isEqualTo(MODIFIED); // RFC_1123_DATE_TIME's day
    }

    @Test
    void invalidIfModifiedSinceIsIgnored() {
        assertThat(Conditionals.notModified(null, "yesterday", CURRENT)).isFalse();
        assertThat(Conditionals.notModified(null, "Mon, 06 Nov 1994 08:49:37 GMT", CURRENT))
                .isFalse(); // wrong weekday
    }

    @Test
    void ifRangeWithTheStrongEtagApplies() {
        assertThat(Conditionals.rangeApplies(null, CURRENT)).isTrue();
        assertThat(Conditionals.rangeApplies("\"a-b-c\"", CURRENT)).isTrue();
        assertThat(Conditionals.rangeApplies("\"other\"", CURRENT)).isFalse();
        assertThat(Conditionals.rangeApplies("W/\"a-b-c\"", CURRENT)).isFalse(); // §13.1.5: strong comparison
        assertThat(Conditionals.rangeApplies("\"a-b-c\", \"x\"", CURRENT)).isFalse();
    }

    @Test
    void ifRangeWithADateAppliesOnlyWhenItEqualsLastModified() {
        assertThat(Conditionals.rangeApplies("Sun, 06 Nov 1994 08:49:37 GMT", CURRENT))
                .isTrue();
        assertThat(Conditionals.rangeApplies("Sun, 06 Nov 1994 08:49:38 GMT", CURRENT))
                .isFalse();
        assertThat(Conditionals.rangeApplies("not a date", CURRENT)).isFalse();
    }
}
