package dev.iolab.conformance.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorporaTests {

    @ParameterizedTest
    @EnumSource(Corpora.class)
    void everyCorpusLoadsFromTheClasspathWithAtLeastItsFloorOfCases(Corpora corpus) {
        assertThat(corpus.cases())
                .hasSizeGreaterThanOrEqualTo(40)
                .allSatisfy(
                        line -> assertThat(line).startsWith("{").endsWith("}").contains("\"raw\"", "\"expect\""));
    }

    @Test
    void theLicencesTravelWithTheData() {
        for (String file : new String[] {"LICENSES.txt", "LICENSE-MIT.txt", "LICENSE-Apache-2.0.txt", "README.md"}) {
            assertThat(Corpora.class.getResource(Corpora.DIRECTORY + file))
                    .as(file)
                    .isNotNull();
        }
    }

    @Test
    void aMissingCorpusFailsInsteadOfYieldingNothing() {
        assertThatThrownBy(() -> Corpora.read(Corpora.DIRECTORY + "absent.jsonl", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CORPUS MISSING");
    }

    @Test
    void aCorpusBelowItsFloorFails() {
        assertThatThrownBy(() -> Corpora.read(Corpora.DIRECTORY + "traversal.jsonl", 10_000))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CORPUS TOO SMALL");
    }
}
