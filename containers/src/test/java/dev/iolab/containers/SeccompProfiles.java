package dev.iolab.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The repository's seccomp profiles, found by the name a pod's {@code localhostProfile} gives them (the kubelet
 * reads them under its seccomp root; the repository keeps them under {@code k8s/components/<component>/seccomp/}).
 */
final class SeccompProfiles {

    private SeccompProfiles() {}

    /** The JSON of the profile {@code localhostProfile} (e.g. {@code profiles/iolab-iouring.json}), as Docker's {@code seccomp=} option takes it. */
    static String json(String localhostProfile) {
        String file = Path.of(localhostProfile).getFileName().toString();
        Path components = ContainerSupport.REPO.resolve("k8s/components");
        try (Stream<Path> found = Files.walk(components)) {
            Path profile = found.filter(p -> p.getFileName().toString().equals(file)
                            && p.getParent().endsWith("seccomp"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("no seccomp profile " + file + " under " + components));
            return Files.readString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
