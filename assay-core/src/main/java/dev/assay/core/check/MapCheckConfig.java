package dev.assay.core.check;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link CheckConfig} over a Java map, for checks built in code. */
final class MapCheckConfig implements CheckConfig {
    private final String owner;
    private final Map<String, Object> values;

    MapCheckConfig(String owner, Map<String, ?> values) {
        this.owner = owner;
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean has(String key) {
        return values.get(key) != null;
    }

    @Override
    public String string(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            throw error(key, "'" + key + "' must be a single value, found " + Excerpt.of(v.toString()) + ".");
        }
        return v.toString();
    }

    @Override
    public double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(string(key, null).strip());
        } catch (NumberFormatException e) {
            throw error(key, "'" + key + "' must be a number, found '" + Excerpt.of(v.toString()) + "'.");
        }
    }

    @Override
    public boolean bool(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "'" + key + "' must be true or false, found '" + Excerpt.of(v.toString()) + "'.");
        };
    }

    @Override
    public List<String> strings(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object item : c) {
                if (item == null || item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    throw error(key, "items of '" + key + "' must be single values, found " + Excerpt.of(String.valueOf(item)) + ".");
                }
                out.add(item.toString());
            }
            return out;
        }
        return List.of(string(key, null));
    }

    @Override
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        section(key).ifPresent(s -> s.keys().forEach(k -> out.put(k, s.string(k, null))));
        return out;
    }

    @Override
    public boolean isSection(String key) {
        return values.get(key) instanceof Map<?, ?>;
    }

    @Override
    public Optional<CheckConfig> section(String key) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, "'" + key + "' must be a mapping of keys to values, found " + Excerpt.of(v.toString()) + ".");
        }
        Map<String, Object> nested = new LinkedHashMap<>();
        m.forEach((k, x) -> nested.put(String.valueOf(k), x));
        return Optional.of(new MapCheckConfig(owner + ", key '" + key + "'", nested));
    }

    @Override
    public InvalidInputException error(String key, String message) {
        return new InvalidInputException(owner + ", key '" + key + "': " + message);
    }
}
