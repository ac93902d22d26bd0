package dev.assay.server;

import dev.assay.registry.AliasMove;
import dev.assay.registry.ModelVersion;
import dev.assay.registry.RegistryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model registry's records of the versions the service sees, when the service was told where the registry is
 * ({@code assay serve --registry DIR | --registry-db URL}). A version sent as {@code 3}, {@code v3} or {@code NAME@3}
 * is version 3 of the registry's model of the same name.
 */
final class RegistryRecords {
    private static final Pattern NUMBER = Pattern.compile("(?:v|.+@)?([1-9][0-9]{0,8})");

    /** A registered version and the aliases that point at it now. */
    record Registered(ModelVersion version, List<String> aliases) {
    }

    private final RegistryStore store;

    RegistryRecords(RegistryStore store) {
        this.store = store;
    }

    /** Whether a registry is configured; without one every look-up is empty. */
    boolean configured() {
        return store != null;
    }

    /** The registry's record of {@code version} of {@code model}, if there is one. */
    Optional<Registered> find(String model, String version) {
        Matcher m = NUMBER.matcher(version);
        if (store == null || !m.matches() || (version.contains("@") && !version.startsWith(model + "@"))) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(1));
        return store.version(model, number).map(v -> new Registered(v, aliases(model, number)));
    }

    /** The aliases whose latest move points at {@code number}, in the order they were first set. */
    private List<String> aliases(String model, int number) {
        Map<String, Integer> current = new LinkedHashMap<>();
        for (AliasMove move : store.moves(model)) {
            current.put(move.alias(), move.to());
        }
        List<String> out = new ArrayList<>();
        current.forEach((alias, to) -> {
            if (to == number) {
                out.add(alias);
            }
        });
        return out;
    }
}
