package dev.iolab.kubernetes.dashboards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes every dashboard's JSON to k8s/monitoring/dashboards (or {@code args[0]}): run by {@value Dashboards#REGENERATE}. */
public final class DashboardGenerator {

    private DashboardGenerator() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "k8s/monitoring/dashboards");
        Files.createDirectories(dir);
        Map<String, String> files = Dashboards.render();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        System.out.println("wrote " + files.size() + " dashboards to " + dir);
    }
}
