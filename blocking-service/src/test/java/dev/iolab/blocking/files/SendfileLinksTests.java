package dev.iolab.blocking.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iolab.contract.FileVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendfileLinksTests {

    @TempDir
    Path data;

    private SendfileLinks links;

    @AfterEach
    void close() {
        if (links != null) {
            links.close();
        }
    }

    @Test
    void aLinkOpensTheVersionTheHandlerOpenedEvenAfterAnUploadReplacedTheName() throws IOException {
        links = new SendfileLinks(data, 42, Duration.ofMinutes(1));
        Path file = write("a.bin", "first version");
        try (FileVersion first = FileVersion.open(file)) {
            Path link = links.linkTo(file, first);
            replace(file, "second, longer version");

            assertThat(link).isNotNull().startsWith(data.resolve(".sendfile-42"));
            assertThat(Files.readString(link)).isEqualTo("first version");
            assertThat(links.linkTo(file, first))
                    .as("the same version reuses its link")
                    .isEqualTo(link);
        }
        try (FileVersion second = FileVersion.open(file)) {
            Path link = links.linkTo(file, second);
            assertThat(Files.readString(link)).isEqualTo("second, longer version");
        }
        assertThat(links.size()).isEqualTo(2);
    }

    @Test
    void noLinkWhenTheNameAlreadyHoldsAnotherVersion() throws IOException {
        links = new SendfileLinks(data, 42, Duration.ofMinutes(1));
        Path file = write("a.bin", "first version");
        try (FileVersion first = FileVersion.open(file)) {
            replace(file, "replaced between open and link");

            // link(2) can only take the name, which now holds another inode: the handler must send the body itself
            assertThat(links.linkTo(file, first)).isNull();
            assertThat(links.size()).isZero();
            assertThat(linksOnDisk()).isZero();
        }
    }

    @Test
    void theSweepRemovesSupersededLinksAfterTheGraceAndKeepsTheCurrentOne() throws Exception {
        links = new SendfileLinks(data, 42, Duration.ZERO);
        Path file = write("a.bin", "first version");
        Path old;
        try (FileVersion first = FileVersion.open(file)) {
            old = links.linkTo(file, first);
        }
        links.sweep();
        assertThat(old).as("still the file's version: kept").exists();

        replace(file, "second version");
        Path current;
        try (FileVersion second = FileVersion.open(file)) {
            current = links.linkTo(file, second);
        }
        links.sweep();

        assertThat(old).doesNotExist();
        assertThat(current).exists();
        assertThat(links.size()).isEqualTo(1);
        assertThat(Files.readString(file)).as("the public name is untouched").isEqualTo("second version");
    }

    @Test
    void aSupersededLinkInItsGraceIsKept() throws Exception {
        links = new SendfileLinks(data, 42, Duration.ofMinutes(1));
        Path file = write("a.bin", "first version");
        Path old;
        try (FileVersion first = FileVersion.open(file)) {
            old = links.linkTo(file, first);
        }
        replace(file, "second version");
        links.sweep();

        assertThat(old).exists();
    }

    @Test
    void leftoversOfDeadProcessesAndOfThisPidAreRemovedAtStartOthersKept() throws IOException {
        long dead = deadPid();
        long alive = ProcessHandle.current().pid();
        Files.createDirectories(data.resolve(".sendfile-" + dead));
        Files.writeString(data.resolve(".sendfile-" + dead).resolve("a.bin@1.1"), "left");
        Files.createDirectories(data.resolve(".sendfile-" + alive));
        Files.createDirectories(data.resolve(".sendfile-42"));
        write("a.bin", "kept");

        links = new SendfileLinks(data, 42, Duration.ofMinutes(1));

        assertThat(data.resolve(".sendfile-" + dead)).doesNotExist();
        assertThat(data.resolve(".sendfile-42"))
                .as("this pid's, left by an earlier process")
                .doesNotExist();
        assertThat(data.resolve(".sendfile-" + alive)).as("a live process's").exists();
        assertThat(data.resolve("a.bin")).exists();
    }

    @Test
    void closeRemovesThisProcessesLinks() throws IOException {
        links = new SendfileLinks(data, 42, Duration.ofMinutes(1));
        Path file = write("a.bin", "content");
        try (FileVersion version = FileVersion.open(file)) {
            assertThat(links.linkTo(file, version)).exists();
        }
        links.close();
        links = null;

        assertThat(data.resolve(".sendfile-42")).doesNotExist();
        assertThat(file).exists();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(data.resolve(name), content);
    }

    /** As an upload publishes: a new inode renamed over the name. */
    private void replace(Path file, String content) throws IOException {
        Path tmp = Files.writeString(data.resolve(".upload-test.part"), content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private long linksOnDisk() throws IOException {
        Path dir = data.resolve(".sendfile-42");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }

    private static long deadPid() {
        long pid = 4_000_000; // above pid_max's default (4194304 is the ceiling): checked, not assumed
        while (ProcessHandle.of(pid).isPresent()) {
            pid--;
        }
        return pid;
    }
}
