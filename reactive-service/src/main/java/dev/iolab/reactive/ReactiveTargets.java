package dev.iolab.reactive;

import dev.iolab.contract.Target;
import java.util.Arrays;
import java.util.List;

/** Resolves which registry target this process is from its active Spring profiles: the profile is the target's variant. */
public final class ReactiveTargets {

    private ReactiveTargets() {}

    /** The reactive-service targets of the registry. */
    public static List<Target> all() {
        return Arrays.stream(Target.values())
                .filter(t -> t.module() == Target.Module.REACTIVE_SERVICE)
                .toList();
    }

    /** The one target whose variant is among {@code activeProfiles}; fails with the choices when none or several. */
    public static Target fromProfiles(String... activeProfiles) {
        List<String> profiles = Arrays.asList(activeProfiles);
        List<Target> matches =
                all().stream().filter(t -> profiles.contains(t.variant())).toList();
        if (matches.size() != 1) {
            throw new IllegalStateException("Activate exactly one target profile with --spring.profiles.active=<"
                    + String.join("|", all().stream().map(Target::variant).toList()) + ">; active profiles: "
                    + profiles);
        }
        return matches.getFirst();
    }
}
