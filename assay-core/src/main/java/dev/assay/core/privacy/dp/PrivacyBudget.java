package dev.assay.core.privacy.dp;

import java.util.ArrayList;
import java.util.List;

/**
 * A privacy-budget accountant by basic (sequential) composition: releases of ε_i-DP / (ε_i, δ_i)-DP on the same rows
 * together are (Σ ε_i, Σ δ_i)-DP (Dwork and Roth 2014, Theorem 3.16). Each query is charged before its noise is
 * drawn; a query that would take the total past the budget is refused with {@link PrivacyBudgetExceededException}
 * and charges nothing. Queries over disjoint groups (a histogram) are one query (parallel
 * composition, McSherry 2009), charged once by the caller. Thread-safe.
 */
public final class PrivacyBudget {
    private static final double SLACK = 1e-12;

    private final double epsilon;
    private final double delta;
    private final List<Spend> ledger = new ArrayList<>();
    private double spentEpsilon;
    private double spentDelta;

    /** One charged query. */
    public record Spend(String query, double epsilon, double delta) {
    }

    /**
     * @throws IllegalArgumentException unless ε is in (0, 100] and δ in [0, 1)
     */
    public PrivacyBudget(double epsilon, double delta) {
        Budgets.requireEpsilon(epsilon);
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
        }
        this.epsilon = epsilon;
        this.delta = delta;
    }

    /**
     * Charges a query.
     *
     * @throws PrivacyBudgetExceededException when ε or δ would exceed the budget; nothing is charged then
     */
    public synchronized void spend(String query, double queryEpsilon, double queryDelta) {
        if (!(queryEpsilon > 0) || !(queryDelta >= 0)) {
            throw new IllegalArgumentException("a query costs epsilon > 0 and delta >= 0, got " + queryEpsilon + ", " + queryDelta);
        }
        double e = spentEpsilon + queryEpsilon;
        double d = spentDelta + queryDelta;
        if (e > epsilon * (1 + SLACK) || d > delta * (1 + SLACK)) {
            throw new PrivacyBudgetExceededException(query, queryEpsilon, queryDelta, epsilon - spentEpsilon,
                    delta - spentDelta);
        }
        spentEpsilon = e;
        spentDelta = d;
        ledger.add(new Spend(query, queryEpsilon, queryDelta));
    }

    public double epsilon() {
        return epsilon;
    }

    public double delta() {
        return delta;
    }

    public synchronized double spentEpsilon() {
        return spentEpsilon;
    }

    public synchronized double spentDelta() {
        return spentDelta;
    }

    /** The queries charged, in order. */
    public synchronized List<Spend> ledger() {
        return List.copyOf(ledger);
    }
}
