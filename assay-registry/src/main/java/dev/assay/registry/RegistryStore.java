package dev.assay.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the registry keeps its versions, tags, aliases and linked reports. One implementation,
 * {@link SqlRegistryStore}, runs on SQLite and PostgreSQL; every write is one transaction that
 * serialises with concurrent writers, so no alias move is lost and version numbers never repeat.
 */
public interface RegistryStore {

    /**
     * Registers {@code candidate} (its {@code version} is ignored) as the next version of its model,
     * or, when the model already has a version with the same SHA-256, returns that version with
     * {@code candidate}'s tags added.
     */
    Registration register(ModelVersion candidate);

    /** A version of a model; empty when there is none. */
    Optional<ModelVersion> version(String model, int version);

    /** Every version of a model, oldest first; empty when the model is unknown. */
    List<ModelVersion> versions(String model);

    /** The names of all models, sorted. */
    List<String> models();

    /**
     * Points {@code alias} at version {@code to} and appends the move to the log. The move is stamped
     * with {@code clock}'s time once the writer holds the lock, and never earlier than the alias's
     * previous move, so the log's times follow its order even across processes.
     *
     * @throws dev.assay.core.error.InvalidInputException when the version does not exist
     */
    AliasMove moveAlias(String model, String alias, int to, Clock clock, String by, String reason);

    /** The last move of {@code alias} at or before {@code at}: where it pointed then; empty when it did not exist yet. */
    Optional<AliasMove> aliasAt(String model, String alias, Instant at);

    /** The alias log of a model, oldest first. */
    List<AliasMove> moves(String model);

    /** Links a report to a version; linking the same report file again changes nothing. */
    void linkReport(String model, int version, LinkedReport report);

    /** The reports linked to a version, oldest first. */
    List<LinkedReport> reports(String model, int version);

    /**
     * The result of {@link #register}.
     *
     * @param version the version, new or existing
     * @param created whether it was created now
     */
    record Registration(ModelVersion version, boolean created) {
    }
}
