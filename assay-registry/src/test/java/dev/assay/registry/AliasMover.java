package dev.assay.registry;

import dev.assay.registry.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A second process for {@link ConcurrentAliasMovesTest}: moves alias {@code production} of model
 * {@code credit} {@code COUNT} times, alternating between versions 1 and 2.
 * Arguments: DATABASE-URL ARTIFACT-FOLDER COUNT WHO.
 */
public final class AliasMover {
    private AliasMover() {
    }

    public static void main(String[] args) {
        ModelRegistry registry = ModelRegistry.on(Database.open(args[0]), Path.of(args[1]),
                Clock.systemUTC());
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            registry.promote("credit", "production", 1 + i % 2, args[3], "move " + i, PromotionGate.NONE);
        }
    }
}
