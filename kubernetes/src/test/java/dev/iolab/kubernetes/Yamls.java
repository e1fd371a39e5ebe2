package dev.iolab.kubernetes;

import java.util.List;
import java.util.Map;

/** Walks the maps and lists snakeyaml gives, so that tests read like the manifest's own paths. */
final class Yamls {

    private Yamls() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    static String string(Object node, String... path) {
        Object value = at(node, path);
        return value == null ? null : value.toString();
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static String kind(Map<String, Object> object) {
        return string(object, "kind");
    }

    static String name(Map<String, Object> object) {
        return string(object, "metadata", "name");
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    /** The pod template of a Deployment or Job. */
    static Map<String, Object> podTemplate(Map<String, Object> workload) {
        return map(workload, "spec", "template");
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(podTemplate(workload), "spec", "containers");
    }
}
