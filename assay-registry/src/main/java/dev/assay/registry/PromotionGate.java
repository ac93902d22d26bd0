package dev.assay.registry;

import dev.assay.core.model.ModelSource;

/**
 * Decides whether an alias may move to a version, e.g. by running a suite on it
 * ({@code assay registry alias --gate SUITE}) or by looking at its linked reports
 * ({@link RecentReportGate}).
 */
@FunctionalInterface
public interface PromotionGate {
    /** No gate: every move is allowed. */
    PromotionGate NONE = (version, source) -> Verdict.pass("no gate");

    /** Judges {@code version}, which runs from {@code source}. */
    Verdict check(ModelVersion version, ModelSource source);

    /**
     * A gate's decision.
     *
     * @param passed whether the alias may move
     * @param summary what was checked and how it came out, for the log's reason and the user
     */
    record Verdict(boolean passed, String summary) {
        /** A passing verdict. */
        public static Verdict pass(String summary) {
            return new Verdict(true, summary);
        }

        /** A failing verdict. */
        public static Verdict fail(String summary) {
            return new Verdict(false, summary);
        }
    }
}
