package dev.iolab.loadtest.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareOptionsTests {

    @Test
    void quickIsThreeTargetsTwoScenariosAndShortTimes() {
        CompareOptions o = CompareOptions.parse("--quick");
        assertThat(o.targets()).isEqualTo(CompareOptions.QUICK_TARGETS);
        assertThat(o.scenarios()).containsExactly("echo", "delay");
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.usersFor(Scenario.DELAY)).containsExactly(CompareOptions.QUICK_DELAY_USERS);
    }

    @Test
    void idleWindowAndSyscallPassHaveShortQuickDefaultsAndFlags() {
        CompareOptions full = CompareOptions.parse();
        assertThat(full.idle()).isEqualTo(Duration.ofSeconds(3));
        assertThat(full.syscalls()).isFalse();
        assertThat(full.syscallsDuration()).isEqualTo(Duration.ofSeconds(10));
        CompareOptions quick = CompareOptions.parse("--quick", "--syscalls");
        assertThat(quick.idle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.syscalls()).isTrue();
        assertThat(quick.syscallsDuration()).isEqualTo(Duration.ofSeconds(2));
        CompareOptions set = CompareOptions.parse("--syscalls", "--syscalls-duration", "5s", "--idle=0", "--quick");
        assertThat(set.syscallsDuration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.idle()).isZero();
        assertThat(set.quick()).as("--syscalls takes no value").isTrue();
    }

    @Test
    void explicitFlagsWinOverModeDefaults() {
        CompareOptions o = CompareOptions.parse(
                "--quick",
                "--targets",
                "plain-epoll",
                "--duration=2m",
                "--concurrency",
                "100,500,2000",
                "--engine",
                "wrk",
                "--cpus-target",
                "2-3",
                "--cpus-load",
                "0-1");
        assertThat(o.targets()).containsExactly("plain-epoll");
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.usersFor(Scenario.ECHO)).containsExactly(100, 500, 2000);
        assertThat(o.usersFor(Scenario.C10K)).containsExactly(1);
        assertThat(o.engine()).isEqualTo("wrk");
        assertThat(List.of(o.cpusTarget(), o.cpusLoad())).containsExactly("2-3", "0-1");
    }

    @Test
    void baseUrlsNameTheTargetsWhenNoneAreGiven() {
        CompareOptions o = CompareOptions.parse(
                "--base-url", "webflux-epoll=http://127.0.0.1:8083", "--base-url=mvc-virtual=http://127.0.0.1:8082");
        assertThat(o.baseUrls())
                .containsEntry("webflux-epoll", "http://127.0.0.1:8083")
                .containsEntry("mvc-virtual", "http://127.0.0.1:8082");
        assertThat(o.targets()).containsExactly("webflux-epoll", "mvc-virtual");
    }

    @Test
    void durationsAcceptSecondsMinutesAndMilliseconds() {
        assertThat(CompareOptions.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(CompareOptions.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CompareOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CompareOptions.duration("7")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void rejectsUnknownScenariosOptionsAndEngines() {
        assertThatThrownBy(() -> CompareOptions.parse("--scenarios", "echo,nope"))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> CompareOptions.parse("--bogus")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> CompareOptions.parse("--engine", "ab")).hasMessageContaining("gatling or wrk");
        assertThatThrownBy(() -> CompareOptions.parse("--duration")).hasMessageContaining("needs a value");
    }

    @Test
    void pinningSplitsTheCpusIntoDisjointHalves() {
        CpuPinning two = CpuPinning.decide(null, null, true, 2);
        if (two.enabled()) {
            assertThat(List.of(two.targetCpus(), two.loadCpus())).containsExactly("1", "0");
            assertThat(CpuPinning.decide(null, null, true, 8).targetCpus()).isEqualTo("4-7");
        }
        assertThat(CpuPinning.decide(null, null, false, 8).enabled()).isFalse();
        assertThat(CpuPinning.decide(null, null, true, 1).note()).contains("only 1 CPU");
        assertThat(CpuPinning.count("0,2-3", 8)).isEqualTo(3);
        assertThat(CpuPinning.count("all", 8)).isEqualTo(8);
    }

    @Test
    void repeatIsOneRoundUnlessAskedAndAtLeastOne() {
        assertThat(CompareOptions.parse().repeat()).isEqualTo(1);
        assertThat(CompareOptions.parse("--repeat", "3").repeat()).isEqualTo(3);
        assertThat(CompareOptions.parse("--repeat=5", "--quick").repeat()).isEqualTo(5);
        for (String bad : List.of("0", "-1", "two", "1.5")) {
            assertThatThrownBy(() -> CompareOptions.parse("--repeat", bad))
                    .as(bad)
                    .hasMessage("--repeat wants a whole number of rounds >= 1, got " + bad);
        }
        assertThatThrownBy(() -> CompareOptions.parse("--repeat")).hasMessage("--repeat needs a value");
    }

    @Test
    void baselineIsAnEarlierRunsFolderHoldingItsComparisonJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(CompareOptions.parse().baseline()).isNull();
        java.nio.file.Files.writeString(dir.resolve("comparison.json"), "{}");
        assertThat(CompareOptions.parse("--baseline", dir.toString()).baseline())
                .isEqualTo(dir.toAbsolutePath());
        assertThatThrownBy(() -> CompareOptions.parse(
                        "--baseline", dir.resolve("missing").toString()))
                .hasMessageContaining("no such run directory");
        java.nio.file.Path empty = java.nio.file.Files.createDirectory(dir.resolve("empty"));
        assertThatThrownBy(() -> CompareOptions.parse("--baseline=" + empty))
                .hasMessageContaining("no comparison.json there");
    }
}
