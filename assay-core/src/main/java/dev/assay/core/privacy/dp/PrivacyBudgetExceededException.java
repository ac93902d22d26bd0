package dev.assay.core.privacy.dp;

import dev.assay.core.error.InvalidInputException;
import java.util.Locale;

/** A query refused because its cost would take the total past the privacy budget. */
public final class PrivacyBudgetExceededException extends InvalidInputException {

    PrivacyBudgetExceededException(String query, double epsilon, double delta, double leftEpsilon, double leftDelta) {
        super(String.format(Locale.ROOT, "Query '%s' needs epsilon %.6g and delta %.3g, but the privacy budget has only "
                + "epsilon %.6g and delta %.3g left; no noise was drawn. Release fewer statistics, give each a smaller share, "
                + "or raise the budget (knowing that more is revealed).", query, epsilon, delta, Math.max(0, leftEpsilon),
                Math.max(0, leftDelta)));
    }
}
