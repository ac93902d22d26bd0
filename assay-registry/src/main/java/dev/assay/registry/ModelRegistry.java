package dev.assay.registry;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ModelSource;
import dev.assay.registry.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry: versions of named models stored by content, tags and lineage, aliases with an
 * append-only log, gated promotion and rollback. A registry folder holds {@code registry.db}
 * (SQLite) and {@code artifacts/}; with PostgreSQL, the database holds the records and a folder the
 * artifacts.
 */
public final class ModelRegistry {
    private final RegistryStore store;
    private final RunStore runs;
    private final ArtifactStore artifacts;
    private final Clock clock;

    /** A registry over {@code store}, {@code runs} and {@code artifacts}, stamping records with {@code clock}. */
    public ModelRegistry(RegistryStore store, RunStore runs, ArtifactStore artifacts, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    /** The registry with its records in {@code db} and its artifacts in {@code artifactFolder}. */
    public static ModelRegistry on(Database db, Path artifactFolder, Clock clock) {
        return new ModelRegistry(new SqlRegistryStore(db), new SqlRunStore(db), new ArtifactStore(artifactFolder), clock);
    }

    /** The registry in {@code folder}: SQLite in {@code registry.db}, artifacts in {@code artifacts/}. */
    public static ModelRegistry inFolder(Path folder) {
        return on(Database.sqlite(folder.resolve("registry.db")), folder.resolve("artifacts"), Clock.systemUTC());
    }

    /** The registry in the database at {@code jdbcUrl}, with artifacts in {@code artifactFolder}. */
    public static ModelRegistry inDatabase(String jdbcUrl, Path artifactFolder) {
        return on(Database.open(jdbcUrl), artifactFolder, Clock.systemUTC());
    }

    /** The store, e.g. for a {@link RecentReportGate}. */
    public RegistryStore store() {
        return store;
    }

    /** The recorded runs. */
    public RunStore runs() {
        return runs;
    }

    /** The clock records are stamped with. */
    public Clock clock() {
        return clock;
    }

    /**
     * Registers the model in {@code file} as the next version of {@code name}, or returns the version
     * that already holds the same content (adding {@code tags}). The file is described (and so
     * validated) before it is stored; a file that cannot be loaded leaves nothing behind.
     *
     * @throws InvalidInputException for a bad name or tag, an unreadable or unknown model file, or
     *     a parent version that does not exist
     */
    public RegistryStore.Registration register(String name, Path file, Map<String, String> tags, Lineage lineage, String by) {
        Names.require(name, "model name");
        tags.forEach((k, v) -> Names.requireTagValue(Names.require(k, "tag name"), v));
        String fileName = file.getFileName().toString();
        ModelDescriber.Description description = ModelDescriber.describe(file, fileName);
        String sha = artifacts.put(file);
        ModelVersion candidate = new ModelVersion(name, 0, sha, fileName, description.framework(), sizeOf(artifacts.get(sha)),
                description.metadata(), tags, lineage, clock.instant(), by);
        return store.register(candidate);
    }

    /** The versions of {@code name}, oldest first. */
    public List<ModelVersion> versions(String name) {
        List<ModelVersion> versions = store.versions(Names.require(name, "model name"));
        if (versions.isEmpty()) {
            throw SqlRegistryStore.unknownModel(name);
        }
        return versions;
    }

    /** Every model's name, sorted. */
    public List<String> models() {
        return store.models();
    }

    /**
     * The version a reference names; an alias is resolved as it pointed at {@code at}.
     *
     * @throws InvalidInputException when the model, version or alias (at that time) does not exist
     */
    public ModelVersion resolve(VersionRef ref, Instant at) {
        if (!store.models().contains(ref.name())) {
            throw SqlRegistryStore.unknownModel(ref.name());
        }
        int version;
        if (ref.version() != null) {
            version = ref.version();
        } else {
            version = store.aliasAt(ref.name(), ref.alias(), at).map(AliasMove::to).orElseThrow(() -> new InvalidInputException(
                    "Alias '" + ref.alias() + "' of model " + ref.name() + " did not exist at " + at + ". See 'assay registry log "
                            + ref.name() + "' for its moves."));
        }
        return store.version(ref.name(), version).orElseThrow(() -> new InvalidInputException("Model " + ref.name() + " has no version " + version + ". See 'assay registry show "
                        + ref.name() + "' for its versions."));
    }

    /** The version a reference names now. */
    public ModelVersion resolve(VersionRef ref) {
        return resolve(ref, clock.instant());
    }

    /**
     * Moves {@code alias} of {@code name} to {@code version} if {@code gate} passes; the gate's
     * summary is added to the logged reason.
     *
     * @return the move, or empty when the gate failed (the alias stays where it was)
     */
    public Promotion promote(String name, String alias, int version, String by, String reason, PromotionGate gate) {
        requireAlias(alias);
        ModelVersion target = resolve(new VersionRef(Names.require(name, "model name"), version, null));
        PromotionGate.Verdict verdict = gate.check(target, source(target));
        if (!verdict.passed()) {
            return new Promotion(Optional.empty(), verdict);
        }
        String logged = gate == PromotionGate.NONE ? reason : join(reason, "gate passed: " + verdict.summary());
        return new Promotion(Optional.of(store.moveAlias(name, alias, version, clock, by, logged)), verdict);
    }

    /**
     * Moves {@code alias} back to the version it pointed to before its last move, logging it as a
     * new move.
     *
     * @throws InvalidInputException when the alias does not exist or has never moved before
     */
    public AliasMove rollback(String name, String alias, String by, String reason) {
        requireAlias(alias);
        AliasMove last = store.aliasAt(Names.require(name, "model name"), alias, Instant.ofEpochMilli(Long.MAX_VALUE)).orElseThrow(() ->
                new InvalidInputException("Model " + name + " has no alias '" + alias + "' to roll back."));
        if (last.from() == null) {
            throw new InvalidInputException("Alias '" + alias + "' of model " + name + " has pointed only to version " + last.to()
                    + "; there is no earlier version to roll back to. Move it with 'assay registry alias' instead.");
        }
        return store.moveAlias(name, alias, last.from(), clock, by, join("rollback from " + last.to(), reason));
    }

    /** The alias log of {@code name}, oldest first. */
    public List<AliasMove> log(String name) {
        versions(name);
        return store.moves(name);
    }

    /** Links a report file's facts to a version. */
    public void linkReport(ModelVersion version, String location, String sha256, String status) {
        store.linkReport(version.name(), version.version(), new LinkedReport(location, sha256, status, clock.instant()));
    }

    /** The stored artifact of a version. */
    public Path artifact(ModelVersion version) {
        return artifacts.get(version.sha256());
    }

    /** How to load a version: its artifact with its framework, or, for an HTTP endpoint, its URL and options. */
    public ModelSource source(ModelVersion version) {
        Path file = artifact(version);
        if (version.framework().equals("http")) {
            ModelDescriber.HttpEndpoint endpoint = ModelDescriber.HttpEndpoint.read(file, version.fileName());
            return new ModelSource(endpoint.url(), "http", endpoint.options());
        }
        return new ModelSource(file.toString(), version.framework(), Map.of());
    }

    /**
     * The outcome of {@link #promote}.
     *
     * @param move the move made; empty when the gate failed
     * @param verdict the gate's verdict
     */
    public record Promotion(Optional<AliasMove> move, PromotionGate.Verdict verdict) {
    }

    private static void requireAlias(String alias) {
        Names.require(alias, "alias");
        if (alias.matches("[vV]?[0-9]+")) {
            throw new InvalidInputException("Invalid alias '" + alias + "': an alias must not look like a version number. Use "
                    + "a word such as production or challenger.");
        }
    }

    private static String join(String first, String second) {
        boolean a = first != null && !first.isBlank();
        boolean b = second != null && !second.isBlank();
        return a && b ? first + "; " + second : a ? first : b ? second : "";
    }

    private static long sizeOf(Path p) {
        return p.toFile().length();
    }
}
