package dev.assay.registry;

import java.time.Instant;

/**
 * One entry of the append-only alias log: an alias of a model pointed at {@code to} from then on.
 *
 * @param alias the alias, e.g. {@code production}
 * @param from the version it pointed to before; null for its first move
 * @param to the version it points to since
 * @param at when it moved
 * @param by who moved it
 * @param reason why, as given; empty when none was given
 */
public record AliasMove(String alias, Integer from, int to, Instant at, String by, String reason) {
}
