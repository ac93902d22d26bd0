package dev.assay.core.privacy.dp;

/** The shared validation of privacy parameters. */
final class Budgets {
    private Budgets() {
    }

    static void requireEpsilon(double epsilon) {
        if (!(epsilon > 0 && epsilon <= 100)) {
            throw new IllegalArgumentException("epsilon must be in (0, 100], got " + epsilon);
        }
    }

    static void requireSensitivity(double sensitivity) {
        if (!(sensitivity > 0 && Double.isFinite(sensitivity))) {
            throw new IllegalArgumentException("the sensitivity must be a positive finite number, got " + sensitivity);
        }
    }
}
