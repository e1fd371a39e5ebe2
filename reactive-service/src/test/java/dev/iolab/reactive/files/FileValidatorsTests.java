package dev.iolab.reactive.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileValidatorsTests {

    private final FileValidators validators = new FileValidators("\"d-1f\"", Instant.EPOCH);

    @Test
    void ifNoneMatchUsesWeakComparisonAndStar() {
        assertThat(validators.matchesNoneMatch("\"d-1f\"")).isTrue();
        assertThat(validators.matchesNoneMatch("W/\"d-1f\"")).isTrue();
        assertThat(validators.matchesNoneMatch("\"x\", \"d-1f\"")).isTrue();
        assertThat(validators.matchesNoneMatch("*")).isTrue();
        assertThat(validators.matchesNoneMatch("\"d-20\"")).isFalse();
        assertThat(validators.matchesNoneMatch(null)).isFalse();
    }

    @Test
    void ifRangeNeedsTheStrongTag() {
        assertThat(validators.matchesIfRange(null)).isTrue();
        assertThat(validators.matchesIfRange("\"d-1f\"")).isTrue();
        assertThat(validators.matchesIfRange("W/\"d-1f\"")).isFalse();
    }
}
