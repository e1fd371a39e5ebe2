package dev.iolab.kubernetes.dashboards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the structure checks read out of a panel's PromQL without a full parser: metric names (every selector is written
 * {@code name{...}}), the label matchers of each selector, the {@code $variables}, and identifiers left over that would
 * be a selector written without braces (and so without the iomodel filter).
 */
final class PromqlNames {

    /** Grafana's builtins the checker allows besides {@code $iomodel}. */
    static final Set<String> BUILTINS = Set.of("__rate_interval", "__interval", "__range");

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*), *([a-zA-Z_]+)\\)$");
    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "or", "and", "unless", "on", "ignoring", "bool", "offset", "group_left", "group_right");

    private PromqlNames() {}

    /** Metric names of every {@code name{...}} selector. */
    static Set<String> metrics(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SELECTOR.matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The matchers (the text between the braces) of every selector. */
    static List<String> matchers(String expr) {
        return SELECTOR.matcher(expr).results().map(r -> r.group(2)).toList();
    }

    /** {@code $name} and {@code ${name}} references. */
    static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The metric of {@code label_values(<metric>, <label>)}, or null when the query is not of that form. */
    static String labelValuesMetric(String query, String label) {
        Matcher m = LABEL_VALUES.matcher(query);
        return m.matches() && m.group(2).equals(label) ? m.group(1) : null;
    }

    /**
     * Identifiers that are neither a braced selector, a function, a keyword nor a label of a {@code by (...)} list:
     * a bare selector such as {@code sum(up)}, which would not filter on iomodel.
     */
    static Set<String> bareIdentifiers(String expr) {
        String rest = SELECTOR.matcher(expr)
                .replaceAll(" ")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("[a-zA-Z_][a-zA-Z0-9_]*\\s*\\(", "(")
                .replaceAll("\\b\\d+(?:\\.\\d+)?\\b", " ");
        Set<String> left = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(rest);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                left.add(m.group());
            }
        }
        return left;
    }
}
