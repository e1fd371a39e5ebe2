package dev.iolab.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns env {@link Target#TARGET_ENV} into the target's own arguments (default port and management port, data dir
 * {@link Target#CONTAINER_DATA_DIR}), so a module image runs any of its targets with the registry's mapping.
 */
public final class ContainerTarget {

    private ContainerTarget() {}

    /** {@code args} unchanged when {@code IOLAB_TARGET} is unset, else the target's arguments followed by them. */
    public static String[] arguments(String[] args) {
        return arguments(System.getenv(), args);
    }

    static String[] arguments(Map<String, String> env, String[] args) {
        String id = env.get(Target.TARGET_ENV);
        if (id == null || id.isBlank()) {
            return args;
        }
        Target target = Target.byId(id.strip())
                .orElseThrow(() -> new IllegalArgumentException(Target.TARGET_ENV + "=" + id
                        + " is not a target (known: " + String.join(", ", Target.ids()) + ")"));
        // JVM-wide system properties (the poll selector provider) must be set before the first selector opens.
        for (String option : target.jvmOptions()) {
            if (option.startsWith("-D") && option.contains("=")) {
                int eq = option.indexOf('=');
                System.setProperty(option.substring(2, eq), option.substring(eq + 1));
            }
        }
        List<String> all = new ArrayList<>(
                target.arguments(target.defaultPort(), target.managementPort(), Path.of(Target.CONTAINER_DATA_DIR)));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }
}
