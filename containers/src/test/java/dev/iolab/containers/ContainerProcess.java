package dev.iolab.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * A running container seen as the {@link Process} the conformance suite signals: {@link #destroy()} is {@code docker
 * stop} (SIGTERM to the exec-form entrypoint, SIGKILL only after the pod's grace period; Kubernetes would run the
 * {@code preStop} sleep first, which Docker has no equivalent of), {@link #exitValue()} the
 * container's exit code. So the graceful-shutdown rule checks what a user's {@code docker stop} and Kubernetes do.
 */
final class ContainerProcess extends Process {

    private final String containerId;
    private final int stopTimeoutSeconds;
    private final DockerClient docker = DockerClientFactory.instance().client();

    /** {@code stopTimeoutSeconds}: the pod's {@code terminationGracePeriodSeconds}, after which Kubernetes kills too. */
    ContainerProcess(String containerId, int stopTimeoutSeconds) {
        this.containerId = containerId;
        this.stopTimeoutSeconds = stopTimeoutSeconds;
    }

    /** {@code docker stop}, on a thread of its own: it blocks until the container exits, a signal does not. */
    @Override
    public void destroy() {
        Thread.ofPlatform().name("docker-stop-" + containerId.substring(0, 12)).start(() -> {
            try {
                docker.stopContainerCmd(containerId)
                        .withTimeout(stopTimeoutSeconds)
                        .exec();
            } catch (RuntimeException e) {
                System.err.println("CONTAINERS docker stop " + containerId + ": " + e);
            }
        });
    }

    @Override
    public Process destroyForcibly() {
        try {
            docker.killContainerCmd(containerId).exec();
        } catch (RuntimeException e) {
            // already gone
        }
        return this;
    }

    @Override
    public boolean isAlive() {
        InspectContainerResponse.ContainerState state = state();
        return state != null && Boolean.TRUE.equals(state.getRunning());
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (isAlive()) {
            Thread.sleep(100);
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (isAlive()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Override
    public int exitValue() {
        InspectContainerResponse.ContainerState state = state();
        if (state == null) {
            throw new IllegalStateException("container " + containerId + " is gone, its exit code with it");
        }
        if (Boolean.TRUE.equals(state.getRunning())) {
            throw new IllegalThreadStateException("container " + containerId + " is still running");
        }
        Long code = state.getExitCodeLong();
        return code == null ? -1 : code.intValue();
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    private InspectContainerResponse.ContainerState state() {
        try {
            return docker.inspectContainerCmd(containerId).exec().getState();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return null;
        }
    }
}
