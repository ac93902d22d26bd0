package dev.assay.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, for tests: every sample line is
 * {@code name{label="value",...} number} with label values escaped (backslash, double quote, line feed), and each
 * family has exactly one HELP and one TYPE line before its samples.
 */
final class PrometheusText {
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new HashMap<>();

    static PrometheusText parse(String text) {
        PrometheusText out = new PrometheusText();
        Map<String, Integer> help = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                help.merge(line.split(" ")[2], 1, Integer::sum);
            } else if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                if (out.types.put(p[2], p[3]) != null) {
                    throw new IllegalArgumentException("TYPE twice for " + p[2]);
                }
                if (help.getOrDefault(p[2], 0) != 1) {
                    throw new IllegalArgumentException("HELP of " + p[2] + " missing or repeated");
                }
            } else {
                out.samples.add(sample(line));
                String name = out.samples.get(out.samples.size() - 1).name();
                String family = name.replaceAll("_(total|bucket|sum|count)$", "");
                if (!out.types.containsKey(name) && !out.types.containsKey(family)) {
                    throw new IllegalArgumentException("sample before its TYPE: " + line);
                }
            }
        }
        return out;
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_' || line.charAt(i) == ':')) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("bad label in " + line);
                }
                StringBuilder v = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        v.append(n == 'n' ? '\n' : n);
                        if (n != 'n' && n != '\\' && n != '"') {
                            throw new IllegalArgumentException("bad escape in " + line);
                        }
                    } else {
                        v.append(c);
                    }
                }
                labels.put(label, v.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (line.charAt(i) != ' ') {
            throw new IllegalArgumentException("no space before the value: " + line);
        }
        return new Sample(name, labels, Double.parseDouble(line.substring(i + 1)));
    }

    /** The value of the one sample of {@code name} with exactly {@code labels}; fails when there is none. */
    double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).mapToDouble(Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels));
    }
}
