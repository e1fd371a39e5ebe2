package dev.iolab.loadtest.anatomy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads every thread of a process from {@code <proc>/<pid>/task/<tid>/status}, skipping threads that exit mid-read. */
public final class ProcessTasks {

    private ProcessTasks() {}

    /** Thread id to status; empty when the process is gone. */
    public static Map<Integer, TaskStatus> read(Path proc, long pid) {
        Map<Integer, TaskStatus> tasks = new LinkedHashMap<>();
        Path dir = proc.resolve(Long.toString(pid)).resolve("task");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path task : entries) {
                int tid;
                try {
                    tid = Integer.parseInt(task.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                try {
                    tasks.put(tid, TaskStatus.parse(tid, Files.readString(task.resolve("status"))));
                } catch (IOException | RuntimeException e) {
                    // the thread exited between the listing and the read: the ledger keeps its last counts
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return tasks;
    }
}
