package dev.iolab.conformance.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredToolTests {

    private static final String PATH = "/nonexistent-dir:/bin:/usr/bin";

    @Test
    void findsTheFirstNameThatIsOnThePath() {
        assertThat(RequiredTool.onPath(Map.of("PATH", PATH), "apt-get install coreutils", "no-such-tool-xyz", "sh"))
                .hasFileName("sh")
                .isExecutable();
    }

    @Test
    void missingOutsideCiSkipsSayingWhatToInstall() {
        assertThatThrownBy(() -> RequiredTool.onPath(Map.of("PATH", PATH), "apt-get install xyz", "no-such-tool-xyz"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-tool-xyz not found on the PATH: apt-get install xyz");
    }

    @Test
    void missingUnderCiFails() {
        assertThatThrownBy(() -> RequiredTool.onPath(
                        Map.of("PATH", PATH, "CI", "true"), "apt-get install xyz", "no-such-tool-xyz"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install xyz")
                .hasMessageContaining("CI=true");
    }
}
