package dev.assay.core.fairness;

import java.util.List;

/** A disparity before its interval: value or reason, the groups behind it and the groups left out. */
record Outcome(double value, String reason, String detail, List<String> excluded) {

    static Outcome undefined(String reason, List<String> excluded) {
        return new Outcome(Double.NaN, reason, null, excluded);
    }
}
