package dev.assay.core.anonymity;

/**
 * k-anonymity over quasi-identifiers (Sweeney 2002): every row shares its quasi-identifier values with at least
 * k - 1 others. {@code k} is the size of the smallest equivalence class; {@code rowsBelow} the number of rows in
 * classes smaller than the required k and {@code shareBelow} their share of all rows (the rows a k-anonymous
 * release would have to suppress or generalise).
 *
 * <p>Reference: {@code df.groupby(qis).size().min()} in pandas (golden/anonymity).
 *
 * @param k the smallest class size
 * @param classes the number of equivalence classes
 * @param required the k asked for
 * @param rowsBelow rows in classes smaller than {@code required}
 * @param shareBelow {@code rowsBelow / rows}
 */
public record KAnonymity(int k, int classes, int required, int rowsBelow, double shareBelow) {

    static KAnonymity of(EquivalenceClasses classes, int required) {
        int below = 0;
        int rows = 0;
        for (int s : classes.sizes()) {
            rows += s;
            if (s < required) {
                below += s;
            }
        }
        return new KAnonymity(classes.smallest(), classes.count(), required, below, (double) below / rows);
    }
}
