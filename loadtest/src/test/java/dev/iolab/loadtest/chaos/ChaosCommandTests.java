package dev.iolab.loadtest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iolab.loadtest.runner.CompareOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ./iolab chaos}'s command line is compare's with {@code --chaos}; options that mean nothing here are refused. */
class ChaosCommandTests {

    @Test
    void windowBecomesTheChaosWindowAndChaosIsOn() {
        CompareOptions options = CompareOptions.parse(
                ChaosCommand.compareArguments("--targets", "plain-epoll", "--window", "80s", "--no-pin"));
        assertThat(options.chaos()).isTrue();
        assertThat(options.chaosWindow()).isEqualTo(Duration.ofSeconds(80));
        assertThat(options.targets()).containsExactly("plain-epoll");
        assertThat(CompareOptions.parse(ChaosCommand.compareArguments("--window=50s"))
                        .chaosWindow())
                .isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void theDefaultWindowHoldsSlowlorisToTheHeaderTimeout() {
        assertThat(CompareOptions.parse(ChaosCommand.compareArguments()).chaosWindow())
                .isEqualTo(Duration.ofSeconds(35));
        assertThat(CompareOptions.parse("--chaos").chaos()).isTrue();
        assertThat(CompareOptions.parse().chaos()).isFalse();
    }

    @Test
    void aComparisonOptionIsRefusedSayingWhereItBelongs() throws Exception {
        assertThatThrownBy(() -> ChaosCommand.compareArguments("--duration", "10s"))
                .hasMessageContaining("unknown option: --duration")
                .hasMessageContaining("./iolab compare --chaos");
        assertThat(ChaosCommand.run("--scenarios", "echo")).isEqualTo(2);
    }
}
