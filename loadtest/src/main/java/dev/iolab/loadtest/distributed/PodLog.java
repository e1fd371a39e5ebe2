package dev.iolab.loadtest.distributed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A load pod's simulation.log carried in its console output as a gzipped base64 block between two marker lines:
 * a Job's finished pod keeps its log ({@code kubectl logs}) but has no running container to copy files from.
 */
public final class PodLog {

    public static final String BEGIN = "----- iolab simulation.log gzip base64 begin -----";
    public static final String END = "----- iolab simulation.log gzip base64 end -----";

    private PodLog() {}

    /** Prints {@code simulationLog} as the block, last thing a shard does. */
    public static void print(Path simulationLog, PrintStream out) throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            Files.copy(simulationLog, gzip);
        }
        out.println(BEGIN);
        out.println(Base64.getMimeEncoder().encodeToString(gzipped.toByteArray()));
        out.println(END);
        out.flush();
    }

    /** Writes the simulation.log carried by {@code podLog} to {@code target}; fails when the block is missing or cut. */
    public static Path extract(Path podLog, Path target) throws IOException {
        List<String> lines = Files.readAllLines(podLog, StandardCharsets.UTF_8);
        int begin = lines.indexOf(BEGIN);
        int end = lines.indexOf(END);
        if (begin < 0 || end < begin) {
            // kubectl logs reads the kubelet's current log file only: a block past containerLogMaxSize (10 MiB by
            // default, some million requests) is cut at a rotation; more pods make each pod's log smaller
            throw new IOException(podLog + " holds no complete simulation.log block (did the pod finish? is its log"
                    + " larger than the kubelet's containerLogMaxSize? then run more pods)");
        }
        byte[] gzipped = Base64.getMimeDecoder().decode(String.join("\n", lines.subList(begin + 1, end)));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(target, in.readAllBytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        return target;
    }
}
