package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.ByteRange.Kind;
import org.junit.jupiter.api.Test;

/** The contract's Range rule, shared by reactive-service and plain-io. */
class ByteRangeTests {

    @Test
    void closedRangeIsClampedToTheFile() {
        assertThat(ByteRange.parse("bytes=0-3", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 0, 3));
        assertThat(ByteRange.parse("bytes=10-99", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 10, 12));
    }

    @Test
    void openAndSuffixRanges() {
        assertThat(ByteRange.parse("bytes=5-", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 5, 12));
        assertThat(ByteRange.parse("bytes=-3", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 10, 12));
        assertThat(ByteRange.parse("bytes=-99", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 0, 12));
        // positions past Long.MAX_VALUE are still positions: a huge suffix is the whole file, as a range
        assertThat(ByteRange.parse("bytes=-99999999999999999999999", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 0, 12));
        assertThat(ByteRange.parse("bytes=2-99999999999999999999999", 13)).isEqualTo(new ByteRange(Kind.SINGLE, 2, 12));
    }

    @Test
    void rangeBeyondEndIsUnsatisfiable() {
        assertThat(ByteRange.parse("bytes=13-", 13).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=-0", 13).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=0-", 0).kind()).isEqualTo(Kind.UNSATISFIABLE);
        assertThat(ByteRange.parse("bytes=99999999999999999999999-", 13).kind()).isEqualTo(Kind.UNSATISFIABLE);
    }

    @Test
    void invalidOrMultipleRangesServeTheWholeFile() {
        for (String header :
                new String[] {null, "", "items=0-1", "bytes=3-1", "bytes=a-b", "bytes=0-1,4-5", "bytes="}) {
            assertThat(ByteRange.parse(header, 13).kind()).as(header).isEqualTo(Kind.WHOLE);
        }
    }
}
