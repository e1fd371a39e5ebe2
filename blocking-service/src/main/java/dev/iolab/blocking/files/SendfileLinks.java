package dev.iolab.blocking.files;

import dev.iolab.contract.FileValidators;
import dev.iolab.contract.FileVersion;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Names for Tomcat's sendfile that always open the very version the response's headers describe: Tomcat opens a
 * sendfile body by name after the handler has returned, when an upload may already have renamed a new version
 * over the public name, so it is handed a private hard link to the inode of the {@link FileVersion} the handler
 * opened. A link lives in {@code <data dir>/.sendfile-<pid>/}, which no file name can reach (names never start
 * with a dot); it is removed a grace period after the last response that used it once its version is no longer
 * the file's, and the directory is emptied at start (a killed process leaves its links behind).
 */
@Component
public class SendfileLinks {

    /**
     * How long a link outlives the last response it was handed to, once superseded. Tomcat opens the link on the
     * request's own thread right after the handler returns (after writing the response head), so microseconds
     * normally; the grace covers a head write that waits on a slow client. Old versions' blocks stay on disk
     * that long, as they do while any target still sends them.
     */
    static final Duration GRACE = Duration.ofSeconds(5);

    private static final String DIRECTORY_PREFIX = ".sendfile-";

    private final Path directory;
    private final long graceNanos;
    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private final AtomicLong created = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sendfile-links").daemon().factory());

    /** A link, the version it was made for, and when a response last used it (System.nanoTime()). */
    private record Link(Path path, Path file, BasicFileAttributes version, AtomicLong lastUsed) {}

    /** After the {@link FileStore}, which empties nothing of ours but fills an empty data directory first. */
    @Autowired
    SendfileLinks(FileStore store) {
        this(store.directory(), ProcessHandle.current().pid(), GRACE);
    }

    SendfileLinks(Path dataDir, long pid, Duration grace) {
        this.directory = dataDir.resolve(DIRECTORY_PREFIX + pid);
        this.graceNanos = grace.toNanos();
        deleteLeftovers(dataDir, pid);
        long period = TimeUnit.SECONDS.toMillis(1);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * A path that opens {@code version} of {@code file}, or null when there is none to give (the file system has
     * no hard links, the data directory is read-only or full, or the name already holds a newer version): the
     * caller then sends the body itself.
     */
    public Path linkTo(Path file, FileVersion version) {
        if (unavailable.get()) {
            return null;
        }
        BasicFileAttributes attributes = version.attributes();
        Path[] path = new Path[1];
        // Per key atomically with the sweep: a link handed out here is not removed for the next GRACE.
        links.compute(key(file, attributes), (key, link) -> {
            if (link == null) {
                link = create(file, attributes, key);
            } else if (!FileVersion.sameVersion(link.version(), attributes)) {
                return link; // another version under the same key (the ETag hashes the file key): send it ourselves
            }
            if (link != null) {
                link.lastUsed().set(System.nanoTime());
                path[0] = link.path();
            }
            return link;
        });
        return path[0];
    }

    /** Links created and not yet removed, for tests and the sweep. */
    int size() {
        return links.size();
    }

    /** Removes the links of superseded versions unused for the grace period; every second on its own thread. */
    void sweep() {
        long now = System.nanoTime();
        for (String key : links.keySet()) {
            Path[] removed = new Path[1];
            links.computeIfPresent(key, (k, link) -> {
                if (now - link.lastUsed().get() < graceNanos || current(link)) {
                    return link;
                }
                removed[0] = link.path();
                return null;
            });
            if (removed[0] != null) {
                delete(removed[0]);
            }
        }
    }

    @PreDestroy
    void close() {
        sweeper.shutdownNow();
        links.clear();
        deleteTree(directory);
    }

    private Link create(Path file, BasicFileAttributes attributes, String key) {
        // A new name each time: a link still open for sending is never replaced under Tomcat
        Path path = directory.resolve(key + "." + created.incrementAndGet());
        try {
            Files.createDirectories(directory);
            Files.createLink(path, file);
            // link(2) took the name, not the inode: an upload renamed over it meanwhile gives another version
            BasicFileAttributes linked = Files.readAttributes(path, BasicFileAttributes.class);
            if (FileVersion.sameVersion(attributes, linked)) {
                return new Link(path, file, attributes, new AtomicLong(System.nanoTime()));
            }
            delete(path);
            return null;
        } catch (UnsupportedOperationException e) {
            unavailable.set(true); // no hard links here at all: every response is sent by the handler
            return null;
        } catch (IOException e) {
            return null; // read-only, full or gone: this response is sent by the handler, the next one tries again
        }
    }

    private static boolean current(Link link) {
        try {
            return FileVersion.sameVersion(
                    link.version(), Files.readAttributes(link.file(), BasicFileAttributes.class));
        } catch (IOException e) {
            return false;
        }
    }

    private String key(Path file, BasicFileAttributes attributes) {
        // The ETag's formula (size, mtime ns, file key hash), made a file name; the name keeps links apart
        String etag = FileValidators.etag(attributes);
        return file.getFileName() + "@" + etag.substring(1, etag.length() - 1);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a link we cannot remove holds an old version's blocks until the next start empties the directory
        }
    }

    /** Removes this pid's directory and those of processes no longer alive: links a killed process left. */
    static void deleteLeftovers(Path dataDir, long pid) {
        try (Stream<Path> entries = Files.list(dataDir)) {
            entries.filter(p -> p.getFileName().toString().startsWith(DIRECTORY_PREFIX))
                    .filter(p -> {
                        String owner = p.getFileName().toString().substring(DIRECTORY_PREFIX.length());
                        try {
                            long other = Long.parseLong(owner);
                            return other == pid || ProcessHandle.of(other).isEmpty();
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    })
                    .forEach(SendfileLinks::deleteTree);
        } catch (NoSuchFileException e) {
            // no data directory yet: nothing left over
        } catch (IOException e) {
            // unreadable: links left over only cost disk
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(SendfileLinks::delete);
        } catch (IOException | RuntimeException e) {
            // gone already, or unreadable: the next start tries again
        }
    }
}
