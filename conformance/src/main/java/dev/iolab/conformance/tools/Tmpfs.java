package dev.iolab.conformance.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A size-limited file system a test mounts for itself (tmpfs, so no loop device and no disk is touched), to fill
 * it up on purpose. Mounting needs root: without it the test is skipped with one line, except under
 * {@code CI=true}, where it fails (CI runs as root, so a skip there would hide a broken machine).
 */
public final class Tmpfs implements AutoCloseable {

    private final Path mountPoint;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code bytes} on {@code mountPoint} (created if missing). */
    public static Tmpfs mount(Path mountPoint, long bytes) throws IOException, InterruptedException {
        Path mount = RequiredTool.onPath("apt-get install mount", "mount");
        Files.createDirectories(mountPoint);
        String result = run(
                mount.toString(), "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", mountPoint.toString());
        if (result != null) {
            String why = "cannot mount a " + bytes + "-byte tmpfs on " + mountPoint + " (" + result.strip()
                    + "): run as root (CI does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; under CI=true this fails instead of skipping");
            }
            System.err.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        return new Tmpfs(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Unmounts (lazily, so a process still holding a file there cannot block it) and removes the mount point. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
        Files.deleteIfExists(mountPoint);
    }

    /** Null on success, else the command's output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }
}
