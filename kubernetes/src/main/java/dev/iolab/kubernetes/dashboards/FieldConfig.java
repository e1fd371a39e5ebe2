package dev.iolab.kubernetes.dashboards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** How a panel shows values: the unit, a floor, and value mappings (e.g. Tomcat's -1 for "no pool"). */
public record FieldConfig(Defaults defaults, List<Object> overrides) {

    /** The defaults every series of the panel gets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Defaults(String unit, Integer min, List<ValueMapping> mappings) {}

    /** Grafana's "value" mapping: exact values shown as text. */
    public record ValueMapping(String type, Map<String, MappedText> options) {

        public static ValueMapping of(String value, String text) {
            return new ValueMapping("value", Map.of(value, new MappedText(text, 0)));
        }
    }

    /** The text a mapped value is shown as. */
    public record MappedText(String text, int index) {}

    public static FieldConfig unit(String unit) {
        return new FieldConfig(new Defaults(unit, null, null), List.of());
    }
}
