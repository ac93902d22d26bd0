package dev.assay.core.check;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import java.net.URL;
import java.security.CodeSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The {@link CheckKind}s on a class path, by id. Two kinds with the same id are an error that names
 * both classes and the jars they came from.
 */
public final class CheckKinds {
    private final Map<String, CheckKind> byId;

    private CheckKinds(Map<String, CheckKind> byId) {
        this.byId = byId;
    }

    /** The kinds registered on Assay's own class path. */
    public static CheckKinds discover() {
        return discover(CheckKinds.class.getClassLoader());
    }

    /** The kinds registered on {@code loader}'s class path. */
    public static CheckKinds discover(ClassLoader loader) {
        return of(ServiceLoader.load(CheckKind.class, loader).stream().map(ServiceLoader.Provider::get).toList());
    }

    /**
     * The given kinds.
     *
     * @throws InvalidInputException when two share an id, naming both and where they came from
     */
    public static CheckKinds of(Collection<? extends CheckKind> kinds) {
        Map<String, CheckKind> byId = new LinkedHashMap<>();
        for (CheckKind kind : kinds) {
            CheckKind before = byId.putIfAbsent(kind.id(), kind);
            if (before != null) {
                throw new InvalidInputException("Two kinds of check are both called '" + kind.id() + "': "
                        + origin(before) + " and " + origin(kind) + ". Remove one of the jars from the class path, "
                        + "or give one of the kinds another id.");
            }
        }
        return new CheckKinds(byId);
    }

    /** Every kind, in class-path order. */
    public List<CheckKind> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The kind called {@code id}.
     *
     * @throws InvalidInputException naming the closest ids and every known one
     */
    public CheckKind get(String id) {
        CheckKind kind = byId.get(id);
        if (kind == null) {
            List<String> close = Suggestions.closest(id, byId.keySet(), 1);
            throw new InvalidInputException("unknown check type '" + id + "'."
                    + (close.isEmpty() ? "" : " Did you mean '" + close.get(0) + "'?")
                    + " Known types: " + String.join(", ", byId.keySet().stream().sorted().toList())
                    + " ('assay checks' lists them; a kind from another jar must be on the class path).");
        }
        return kind;
    }

    private static String origin(CheckKind kind) {
        CodeSource source = kind.getClass().getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return kind.getClass().getName() + " (from " + (location == null ? "an unknown location" : location) + ")";
    }
}
