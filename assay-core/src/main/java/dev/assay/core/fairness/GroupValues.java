package dev.assay.core.fairness;

/** One value per group and overall, as {@link RateAggregation} needs them: a rate, or any evaluation metric. */
interface GroupValues {

    /** The value's id, e.g. {@code selection_rate} or {@code mean_absolute_error}. */
    String id();

    /** The groups. */
    Groups groups();

    /** The size of {@code group} that decides whether it takes part (its size in the data, also in a resample). */
    long sizeForEligibility(int group);

    /** The value of {@code group} under {@code convention}; NaN when undefined. */
    double value(int group, Convention convention);

    /** Why the value of {@code group} is undefined; null when it is defined. */
    String undefinedReason(int group);

    /** The value over all rows under {@code convention}; NaN when undefined. */
    double overall(Convention convention);

    /** Why the overall value is undefined; null when it is defined. */
    String overallUndefinedReason();

    /** The rate {@code kind} of each group of {@code counts}. */
    static GroupValues of(GroupCounts counts, RateKind kind) {
        return new GroupValues() {
            @Override
            public String id() {
                return kind.id();
            }

            @Override
            public Groups groups() {
                return counts.groups();
            }

            @Override
            public long sizeForEligibility(int group) {
                return counts.sizeForEligibility(group);
            }

            @Override
            public double value(int group, Convention convention) {
                return counts.rate(kind, group).value(convention);
            }

            @Override
            public String undefinedReason(int group) {
                return counts.rate(kind, group).undefinedReason();
            }

            @Override
            public double overall(Convention convention) {
                return counts.overall(kind).value(convention);
            }

            @Override
            public String overallUndefinedReason() {
                return counts.overall(kind).undefinedReason();
            }
        };
    }
}
