package dev.iolab.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly one creator of a new name is told CREATED; every publication is one complete upload. */
class UploadPublisherTests {

    @TempDir
    Path dir;

    @Test
    void newNameIsCreatedThenReplaced() throws Exception {
        Path target = dir.resolve("a.bin");
        Path first = Files.writeString(UploadTemporaries.create(dir), "one");
        assertThat(UploadPublisher.publish(first, target)).isEqualTo(UploadPublisher.Published.CREATED);
        Path second = Files.writeString(UploadTemporaries.create(dir), "two");
        assertThat(UploadPublisher.publish(second, target)).isEqualTo(UploadPublisher.Published.REPLACED);
        assertThat(Files.readString(target)).isEqualTo("two");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target); // no temporary file stays behind
        }
    }

    @Test
    void tempFilesAreNeverLegalNames() throws Exception {
        assertThat(FileNames.isValid(UploadTemporaries.create(dir).getFileName().toString()))
                .isFalse();
    }

    @RepeatedTest(5)
    void exactlyOneOfConcurrentCreatorsIsCreated() throws Exception {
        Path target = dir.resolve("race.bin");
        int creators = 8;
        CyclicBarrier start = new CyclicBarrier(creators);
        List<Future<UploadPublisher.Published>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(creators)) {
            for (int i = 0; i < creators; i++) {
                Path temp = Files.writeString(UploadTemporaries.create(dir), "upload " + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return UploadPublisher.publish(temp, target);
                }));
            }
        }
        List<UploadPublisher.Published> outcomes = new ArrayList<>();
        for (Future<UploadPublisher.Published> result : results) {
            outcomes.add(result.get());
        }
        assertThat(outcomes)
                .filteredOn(o -> o == UploadPublisher.Published.CREATED)
                .hasSize(1);
        assertThat(Files.readString(target)).matches("upload [0-7]");
    }
}
