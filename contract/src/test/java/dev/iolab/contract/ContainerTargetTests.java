package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerTargetTests {

    @Test
    void withoutTheEnvironmentVariableArgumentsAreUnchanged() {
        String[] args = {"--model", "epoll"};
        assertThat(ContainerTarget.arguments(Map.of(), args)).containsExactly(args);
    }

    @Test
    void theTargetIdGivesTheRegistryArgumentsOnTheDefaultPortAndContainerDataDir() {
        Target target = Target.WEBFLUX_IOURING;
        String[] result = ContainerTarget.arguments(Map.of(Target.TARGET_ENV, target.id()), new String[] {"--x=1"});
        assertThat(result)
                .containsExactlyElementsOf(concat(
                        target.arguments(
                                target.defaultPort(), target.managementPort(), Path.of(Target.CONTAINER_DATA_DIR)),
                        "--x=1"));
        assertThat(result).contains("--" + Target.MANAGEMENT_PORT_PROPERTY + "=" + target.managementPort());
    }

    @Test
    void anUnknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> ContainerTarget.arguments(Map.of(Target.TARGET_ENV, "nope"), new String[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining(Target.ids().get(0));
    }

    private static java.util.List<String> concat(java.util.List<String> head, String last) {
        var all = new java.util.ArrayList<>(head);
        all.add(last);
        return all;
    }
}
