/**
 * Data profiles: per-column statistics kept in mergeable sketches (Apache DataSketches 6.2.0), so that
 * drift can be measured against a stored profile without the raw reference data.
 *
 * <p>{@link dev.assay.core.profile.Profiler} profiles a frame into a
 * {@link dev.assay.core.profile.DatasetProfile} of {@link dev.assay.core.profile.NumericProfile}s (exact
 * counts, min, max, mean and variance; a KLL quantile sketch; an HLL distinct count) and
 * {@link dev.assay.core.profile.CategoryProfile}s (exact counts; frequent items; HLL). Profiles of parts
 * merge into the profile of the whole. {@link dev.assay.core.profile.ProfileFile} reads and writes the
 * versioned binary format of {@code docs/profile-format.md}; {@link dev.assay.core.profile.ProfileDrift}
 * measures the drift of current data against a profile and states each statistic's sketch error.
 */
package dev.assay.core.profile;
