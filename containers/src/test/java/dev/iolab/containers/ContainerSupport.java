package dev.iolab.containers;

import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/**
 * Whether these tests can run here: a Docker daemon answering and the images {@code ./iolab images} builds present.
 * Without them a test is skipped with one line, except under {@code CI=true}, where it fails: CI must not go green
 * without having started a single container.
 */
final class ContainerSupport {

    /** Image tag of the iolab images under test ({@code -Diolab.image.tag}); {@code ./iolab images} tags {@code latest}. */
    static final String TAG = System.getProperty("iolab.image.tag", "latest");

    /** The Prometheus image: {@code iolab/prometheus} (Debian's package, built by {@code ./iolab images}) or e.g. {@code prom/prometheus:v3.5.0}. */
    static final String PROMETHEUS_IMAGE = System.getProperty("iolab.image.prometheus", "iolab/prometheus:" + TAG);

    /** The repository root (failsafe sets {@code iolab.repo.root}). */
    static final java.nio.file.Path REPO = java.nio.file.Path.of(System.getProperty("iolab.repo.root", ".."))
            .toAbsolutePath()
            .normalize();

    /** The overlay whose rendered pods the tests run: what a user applies to kind or minikube. */
    static final java.nio.file.Path OVERLAY =
            REPO.resolve(System.getProperty("iolab.containers.overlay", "k8s/overlays/local"));

    private static volatile String verdict;

    private ContainerSupport() {}

    /** The image of a module ({@code iolab/<module>:<tag>}), overridable per module with {@code -Diolab.image.<module>=...}. */
    static String image(String module) {
        return System.getProperty("iolab.image." + module, Target.IMAGE_REPOSITORY + "/" + module + ":" + TAG);
    }

    static String gatewayImage() {
        return image(Target.GATEWAY_ID);
    }

    /** A rendered pod's image with the tag under test ({@code -Diolab.image.tag}) when it is one of iolab's. */
    static String tagged(String image) {
        if (!image.startsWith(Target.IMAGE_REPOSITORY + "/")) {
            return image;
        }
        int colon = image.lastIndexOf(':');
        String repository = colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
        return System.getProperty(
                "iolab.image." + repository.substring(repository.indexOf('/') + 1), repository + ":" + TAG);
    }

    /** Returns when Docker and every image are there; otherwise aborts (skips) the test, or fails it under CI. */
    static void require() {
        String why = verdict;
        if (why == null) {
            why = check();
            verdict = why;
        }
        if (why.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so the container tests must run, but " + why);
        }
        System.out.println("CONTAINERS skipped: " + why);
        throw new TestAbortedException("container tests skipped: " + why);
    }

    private static String check() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return "no Docker daemon answers (start dockerd; on Docker 20.10 keep -Dapi.version=1.41)";
        }
        List<String> images = new ArrayList<>();
        for (Target.Module module : Target.Module.values()) {
            images.add(image(module.directory()));
        }
        images.add(gatewayImage());
        images.add(PROMETHEUS_IMAGE);
        List<String> missing = new ArrayList<>();
        for (String image : images) {
            if (!image.startsWith(Target.IMAGE_REPOSITORY + "/")) {
                continue; // a public image (prom/prometheus): Testcontainers pulls it when a registry is reachable
            }
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (RuntimeException e) {
                missing.add(image);
            }
        }
        return missing.isEmpty()
                ? ""
                : "images missing: " + String.join(", ", missing)
                        + " (build them: ./iolab images, or ./iolab images --base local without a registry)";
    }
}
