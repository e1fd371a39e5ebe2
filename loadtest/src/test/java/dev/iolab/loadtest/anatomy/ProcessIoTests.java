package dev.iolab.loadtest.anatomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessIoTests {

    @Test
    void readsCharactersAndCallsIgnoringStorageBytes() {
        assertThat(ProcessIo.read(Fixtures.proc(), Fixtures.PID))
                .contains(new ProcessIo(1_048_576, 2_097_152, 100, 200));
    }

    @Test
    void differenceOfTwoReadings() {
        assertThat(new ProcessIo(150, 260, 12, 30).minus(new ProcessIo(100, 200, 10, 20)))
                .isEqualTo(new ProcessIo(50, 60, 2, 10));
    }

    @Test
    void absentForAProcessThatIsGone() {
        assertThat(ProcessIo.read(Path.of("/nonexistent-proc"), 1)).isEmpty();
    }
}
