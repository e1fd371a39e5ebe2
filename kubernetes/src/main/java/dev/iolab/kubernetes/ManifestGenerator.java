package dev.iolab.kubernetes;

import dev.iolab.contract.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes k8s/base/targets/: one file per registry target and the kustomization listing them. */
public final class ManifestGenerator {

    static final String HEADER = "# GENERATED from dev.iolab.contract.Target by ./iolab k8s generate - do not edit.\n";
    static final String REGENERATE = "./iolab k8s generate";

    private ManifestGenerator() {}

    /** File name (relative to the targets directory) to its content. */
    public static Map<String, String> render() {
        Yaml yaml = yaml();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> resources = new ArrayList<>();
        for (Target target : Target.values()) {
            String file = target.id() + ".yaml";
            resources.add(file);
            files.put(
                    file,
                    HEADER + yaml.dump(TargetManifests.deployment(target)) + "---\n"
                            + yaml.dump(TargetManifests.service(target)));
        }
        files.put("upstreams.env", HEADER + upstreams());
        Map<String, Object> kustomization = TargetManifests.m(
                "apiVersion", "kustomize.config.k8s.io/v1beta1", "kind", "Kustomization", "resources", resources);
        files.put("kustomization.yaml", HEADER + yaml.dump(kustomization));
        return files;
    }

    /** The gateway's upstream per target, as env lines read by the gateway's Upstreams. */
    static String upstreams() {
        StringBuilder env = new StringBuilder();
        for (Target target : Target.values()) {
            env.append(target.gatewayUpstreamVariable())
                    .append("=http://")
                    .append(target.id())
                    .append(':')
                    .append(target.defaultPort())
                    .append('\n');
        }
        return env.toString();
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options);
    }

    /** Writes every file under {@code args[0]} (default {@code k8s/base/targets}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "k8s/base/targets");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : render().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        System.out.println("wrote " + render().size() + " files to " + dir);
    }
}
