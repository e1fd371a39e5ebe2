package dev.iolab.blocking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.iolab.conformance.LaunchedTarget;
import dev.iolab.contract.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves from outside that mvc-* send large file bodies by Tomcat's sendfile through a link to the version the headers
 * describe: the link exists, is the file's inode, outlives an upload only for its grace period, and small bodies and
 * {@code --iolab.sendfile=false} go through Spring's copy instead (no link at all).
 */
class FileBodiesIT {

    @TempDir
    Path data;

    @Test
    void largeBodiesGoByALinkToTheirVersionWhichAnUploadRetires() throws Exception {
        try (LaunchedTarget target = launch(List.of());
                HttpClient client = HttpClient.newHttpClient()) {
            Path file = data.resolve("1m.bin");
            HttpResponse<byte[]> first = get(client, target, "1m.bin");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).isEqualTo(Files.readAllBytes(file));
            Path links = data.resolve(".sendfile-" + target.process().pid());
            Path link = only(links);
            assertThat(link.getFileName().toString()).startsWith("1m.bin@");
            assertThat(Files.isSameFile(link, file))
                    .as("the link is the served version's inode")
                    .isTrue();

            assertThat(get(client, target, "hello.txt").statusCode()).isEqualTo(200);
            assertThat(list(links)).as("13 bytes are copied, not sent by name").containsExactly(link);

            byte[] replacement = new byte[200_000];
            replacement[0] = 42;
            HttpResponse<Void> put = client.send(
                    HttpRequest.newBuilder(uri(target, "1m.bin"))
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(replacement))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(put.statusCode()).isEqualTo(204);
            assertThat(get(client, target, "1m.bin").body()).isEqualTo(replacement);
            // the superseded version's link goes once its grace (5 s) has passed; the new version's stays
            await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(link));
            Path current = only(links);
            assertThat(Files.isSameFile(current, file)).isTrue();
        }
    }

    @Test
    void withSendfileOffNoLinkIsMade() throws Exception {
        try (LaunchedTarget target = launch(List.of("env", "JAVA_TOOL_OPTIONS=-Diolab.sendfile=false"));
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> response = get(client, target, "1m.bin");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(Files.readAllBytes(data.resolve("1m.bin")));
            assertThat(data.resolve(".sendfile-" + target.process().pid())).doesNotExist();
        }
    }

    private LaunchedTarget launch(List<String> wrapper) {
        return LaunchedTarget.start(
                        Target.MVC_PLATFORM, Path.of(System.getProperty("iolab.repo.root", "..")), data, wrapper)
                .awaitReady();
    }

    private static HttpResponse<byte[]> get(HttpClient client, LaunchedTarget target, String name)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(target, name)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(LaunchedTarget target, String name) {
        return target.baseUri().resolve("/files/" + name);
    }

    private static Path only(Path dir) throws IOException {
        List<Path> entries = list(dir);
        assertThat(entries).as("links in %s", dir).hasSize(1);
        return entries.getFirst();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
