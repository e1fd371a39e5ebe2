package dev.iolab.loadtest.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An earlier run read back from its {@code comparison.json}: per target x scenario x users each measure's rounds
 * (a file written before --repeat, or by a single run, gives one value per measure: no spread).
 */
public record Baseline(Path dir, String id, int rounds, Map<String, Map<String, Spread>> rows) {

    /** Reads {@code dir}/comparison.json; an {@link IllegalArgumentException} says plainly what is wrong with it. */
    public static Baseline read(Path dir) {
        Path file = dir.resolve("comparison.json");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--baseline " + dir + ": no such run directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "--baseline " + dir + ": no comparison.json there (give the folder of an earlier ./iolab compare "
                            + "run, e.g. results/<run-id>)");
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // the parser's own words, without its location dump
            throw new IllegalArgumentException(
                    "--baseline " + file + ": not readable as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("--baseline " + file + ": not readable: " + e.getMessage());
        }
        JsonNode results = json == null ? null : json.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException(
                    "--baseline " + file + ": no \"results\" array: not a comparison.json of ./iolab compare");
        }
        Map<String, Map<String, Spread>> rows = new LinkedHashMap<>();
        int rounds = 1;
        for (JsonNode row : results) {
            if (!row.path("target").isTextual() || !row.path("scenario").isTextual()) {
                throw new IllegalArgumentException(
                        "--baseline " + file + ": a result without target or scenario: " + row);
            }
            String key = Timeline.key(
                    row.get("target").asText(),
                    row.get("scenario").asText(),
                    row.path("users").asInt());
            Map<String, Spread> measures = new LinkedHashMap<>();
            for (Measure m : Measure.ALL) {
                measures.put(m.key(), spread(row, m));
            }
            rounds = Math.max(rounds, row.at("/repeats/rounds").asInt(1));
            rows.put(key, measures);
        }
        return new Baseline(dir, json.at("/run/id").asText(dir.getFileName().toString()), rounds, rows);
    }

    /** The measure's per-round values when the run was repeated, else its one value. */
    private static Spread spread(JsonNode row, Measure m) {
        JsonNode values = row.at("/repeats/metrics/" + m.key().replace("/", "~1") + "/values");
        List<Double> list = new ArrayList<>();
        if (values.isArray()) {
            values.forEach(v -> list.add(v.isNumber() ? v.asDouble() : null));
        } else {
            JsonNode v = row.at(m.pointer());
            list.add(v.isNumber() ? v.asDouble() : null);
        }
        return Spread.of(list);
    }
}
