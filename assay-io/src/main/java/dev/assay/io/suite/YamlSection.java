package dev.assay.io.suite;

import dev.assay.core.check.CheckConfig;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping with its location, for reading suite files with errors that name the file, the
 * line and the key path ({@code checks[2].fail}). Every read is typed; {@link #allowOnly} rejects
 * unknown keys with the closest allowed name. It is the {@link CheckConfig} a check kind reads its
 * entry through.
 */
final class YamlSection implements CheckConfig {
    private final String file;
    private final Path baseDir;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    /** A section of the file {@code file}, whose relative paths resolve against {@code baseDir} (null: the working directory). */
    YamlSection(String file, Path baseDir, String path, Node node) {
        this.file = file;
        this.baseDir = baseDir;
        this.path = path;
        this.node = node;
        if (!(node instanceof MappingNode map)) {
            throw error(node, (path.isEmpty() ? "the suite" : "'" + path + "'") + " must be a mapping of keys to values, found "
                    + describe(node) + ".");
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                throw error(t.getKeyNode(), "keys must be plain words, found " + describe(t.getKeyNode()) + ".");
            }
            if (entries.put(key.getValue(), t) != null) {
                throw error(key, "the key '" + qualified(key.getValue()) + "' appears twice.");
            }
        }
    }

    String file() {
        return file;
    }

    String path() {
        return path;
    }

    int line() {
        return line(node);
    }

    /** The 1-based line of {@code key}'s value, or of this section when the key is absent. */
    int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getValueNode());
    }

    @Override
    public Set<String> keys() {
        return entries.keySet();
    }

    @Override
    public boolean has(String key) {
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    /** Rejects keys not in {@code allowed}, suggesting the closest allowed key. */
    void allowOnly(Set<String> allowed) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String closest = Suggestions.closest(e.getKey(), allowed, 1).stream().findFirst().orElse(null);
                throw error(e.getValue().getKeyNode(), "unknown key '" + qualified(e.getKey()) + "'."
                        + (closest == null ? "" : " Did you mean '" + closest + "'?")
                        + " Allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
    }

    @Override
    public String requireString(String key) {
        if (!has(key)) {
            throw error(node, "missing key '" + qualified(key) + "'.");
        }
        return string(key, null);
    }

    @Override
    public String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        Node v = entries.get(key).getValueNode();
        if (!(v instanceof ScalarNode s)) {
            throw error(v, "'" + qualified(key) + "' must be a single value, found " + describe(v) + ".");
        }
        return s.getValue();
    }

    @Override
    public double number(String key, double fallback) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(entries.get(key).getValueNode(), "'" + qualified(key) + "' must be a number, found '" + Excerpt.of(s) + "'.");
        }
    }

    @Override
    public boolean bool(String key, boolean fallback) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(entries.get(key).getValueNode(), "'" + qualified(key) + "' must be true or false, found '" + Excerpt.of(s) + "'.");
        };
    }

    /** A single value or a list of single values, as strings; empty when absent. */
    @Override
    public List<String> strings(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node v = entries.get(key).getValueNode();
        if (v instanceof ScalarNode s) {
            return List.of(s.getValue());
        }
        if (v instanceof SequenceNode seq) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw error(item, "items of '" + qualified(key) + "' must be single values, found " + describe(item) + ".");
                }
                out.add(s.getValue());
            }
            return out;
        }
        throw error(v, "'" + qualified(key) + "' must be a value or a list of values, found " + describe(v) + ".");
    }

    @Override
    public Optional<YamlSection> section(String key) {
        return Optional.ofNullable(child(key));
    }

    /** The nested mapping under {@code key}; null when absent. */
    YamlSection child(String key) {
        if (!has(key)) {
            return null;
        }
        return new YamlSection(file, baseDir, qualified(key), entries.get(key).getValueNode());
    }

    @Override
    public String location(String key, String fallback) {
        String value = string(key, null);
        if (value == null) {
            return fallback;
        }
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return value;
        }
        return (baseDir == null ? Path.of(value) : baseDir.resolve(value).normalize()).toString();
    }

    @Override
    public boolean isSection(String key) {
        return has(key) && entries.get(key).getValueNode() instanceof MappingNode;
    }

    /** The list of mappings under {@code key}; empty when absent. */
    List<YamlSection> sections(String key) {
        if (!has(key)) {
            return List.of();
        }
        Node v = entries.get(key).getValueNode();
        if (!(v instanceof SequenceNode seq)) {
            throw error(v, "'" + qualified(key) + "' must be a list (items start with '- '), found " + describe(v) + ".");
        }
        List<YamlSection> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlSection(file, baseDir, qualified(key) + "[" + (i + 1) + "]", seq.getValue().get(i)));
        }
        return out;
    }

    /** A mapping of single values, e.g. column types; empty when absent. */
    @Override
    public Map<String, String> stringMap(String key) {
        YamlSection s = child(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (s != null) {
            for (String k : s.keys()) {
                out.put(k, s.string(k, null));
            }
        }
        return out;
    }

    @Override
    public SuiteFileException error(String key, String message) {
        NodeTuple t = entries.get(key);
        return error(t == null ? node : t.getValueNode(), message);
    }

    SuiteFileException error(Node at, String message) {
        return new SuiteFileException(file, line(at), message);
    }

    String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && n.getTag().getValue().endsWith(":null");
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return "'" + Excerpt.of(((ScalarNode) n).getValue()) + "'";
    }
}
