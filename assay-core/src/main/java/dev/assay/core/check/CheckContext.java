package dev.assay.core.check;

import dev.assay.core.data.Dataset;
import dev.assay.core.data.RowFilter;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.Model;
import dev.assay.core.profile.DatasetProfile;
import dev.assay.core.profile.ProfilePair;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check runs against: the current data set, an optional reference data set (training data,
 * the previous release), the model when the suite names one, and a {@link RunStore} shared by all
 * checks of a run so that sufficient statistics (an evaluation, one sort of the scores) are
 * computed once. The reference may instead be a stored profile of the reference data
 * ({@link #referenceProfile()}), which drift reads; when the rows are not in memory (a Spark data set),
 * profiles of both data sets ({@link #profiles()}) stand in for them. Immutable and thread-safe.
 */
public final class CheckContext {
    private final Dataset current;
    private final Dataset reference;
    private final Model model;
    private final RunStore store;
    private final DatasetProfile referenceProfile;
    private final String profileName;
    private final ProfilePair profiles;
    private final RowFilter sliceFilter;
    private final CheckContext slice;

    /**
     * @param current the data under test
     * @param reference the data to compare with; may be null
     */
    public CheckContext(Dataset current, Dataset reference) {
        this(current, reference, null);
    }

    /**
     * @param current the data under test
     * @param reference the data to compare with; may be null
     * @param model the model under test, for checks that call it; may be null. Its predictions are
     *     already columns of the data sets (see {@link dev.assay.core.model.PredictionColumns}).
     */
    public CheckContext(Dataset current, Dataset reference, Model model) {
        this(current, reference, model, new RunStore(), null, null, null, null, null);
    }

    private CheckContext(Dataset current, Dataset reference, Model model, RunStore store, DatasetProfile referenceProfile,
            String profileName, ProfilePair profiles, RowFilter sliceFilter, CheckContext slice) {
        this.current = Objects.requireNonNull(current, "current");
        this.reference = reference;
        this.model = model;
        this.store = store;
        this.referenceProfile = referenceProfile;
        this.profileName = profileName;
        this.profiles = profiles;
        this.sliceFilter = sliceFilter;
        this.slice = slice;
    }

    /** This context with a stored profile of the reference data in place of the reference data. */
    public CheckContext withReferenceProfile(DatasetProfile profile, String name) {
        return new CheckContext(current, reference, model, store, profile, name, profiles, sliceFilter, slice);
    }

    /**
     * This context with the profiles of the current and the reference data, for checks that can run on
     * them when the rows are elsewhere; {@link #current()} then holds the columns but no rows.
     */
    public CheckContext withProfiles(ProfilePair pair) {
        return new CheckContext(current, reference, model, store, pair.reference(), pair.referenceName(), pair, sliceFilter, slice);
    }

    /** The profiles of both data sets, when the rows are not in memory. */
    public Optional<ProfilePair> profiles() {
        return Optional.ofNullable(profiles);
    }

    /** The profile of the reference data, when the suite's reference is a profile file. */
    public Optional<DatasetProfile> referenceProfile() {
        return Optional.ofNullable(referenceProfile);
    }

    /** The name of the reference profile's file, for messages; null without one. */
    public String referenceProfileName() {
        return profileName;
    }

    /** The data under test. */
    public Dataset current() {
        return current;
    }

    /** The data to compare with, when the suite has one. */
    public Optional<Dataset> reference() {
        return Optional.ofNullable(reference);
    }

    /** The model under test, when the suite names one. */
    public Optional<Model> model() {
        return Optional.ofNullable(model);
    }

    /** The run's shared values in {@code namespace}. */
    public RunStore.Store store(RunStore.Namespace namespace) {
        return store.in(namespace);
    }

    /**
     * The same run restricted to the rows {@code where} selects, in the current and the reference
     * data (views, not copies), sharing this run's store.
     *
     * @throws dev.assay.core.error.InvalidInputException when no current row matches, or a column is unknown
     */
    public CheckContext where(RowFilter where) {
        if (slice != null && sliceFilter.equals(where)) {
            return slice;
        }
        Dataset ref = reference == null ? null : sliceOrNull(reference, where);
        return new CheckContext(current.slice(where.rows(current.frame()), where.describe()), ref, model, store,
                referenceProfile, profileName, profiles, null, null);
    }

    /**
     * This context, in which {@link #where}{@code (filter)} returns {@code slice}: the slice prepared
     * where the rows are (a Spark engine selects them there), for data sets whose rows are not in memory.
     * {@code slice}'s data sets carry the slice's role ({@code "current [sex = Female]"}, as
     * {@link Dataset#slice} names it) and row count, and its store what the check reads for that role.
     */
    public CheckContext withSlice(RowFilter filter, CheckContext slice) {
        return new CheckContext(current, reference, model, store, referenceProfile, profileName, profiles,
                Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(slice, "slice"));
    }

    /** The reference slice, or null when the reference data has no matching row (reference values are then absent). */
    private static Dataset sliceOrNull(Dataset data, RowFilter where) {
        try {
            return data.slice(where.rows(data.frame()), where.describe());
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
