package dev.assay.core.check;

/** The comparison of a condition: {@code >= > <= < == !=}. */
public enum Comparison {
    GE(">=", "at least"), GT(">", "above"), LE("<=", "at most"), LT("<", "below"), EQ("==", "equal to"),
    NE("!=", "other than");

    private final String symbol;
    private final String words;

    Comparison(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    /** How it is written in a condition, e.g. {@code ">="}. */
    public String symbol() {
        return symbol;
    }

    /** How it reads in a message, e.g. {@code "at least"}. */
    public String words() {
        return words;
    }

    /** Whether {@code value} compares with {@code threshold} as required; false when either is NaN. */
    public boolean test(double value, double threshold) {
        return switch (this) {
            case GE -> value >= threshold;
            case GT -> value > threshold;
            case LE -> value <= threshold;
            case LT -> value < threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold && !Double.isNaN(value) && !Double.isNaN(threshold);
        };
    }

    /**
     * How far {@code value} lies on the passing side of {@code threshold}: positive on the passing
     * side, negative on the failing side. Ranks members: the worst one has the smallest margin.
     */
    public double margin(double value, double threshold) {
        return switch (this) {
            case GE, GT -> value - threshold;
            case LE, LT -> threshold - value;
            case EQ -> -Math.abs(value - threshold);
            case NE -> Math.abs(value - threshold);
        };
    }

    /** The same comparison with its sides swapped: {@code 0.8 <= recall} is {@code recall >= 0.8}. */
    Comparison swapped() {
        return switch (this) {
            case GE -> LE;
            case GT -> LT;
            case LE -> GE;
            case LT -> GT;
            case EQ, NE -> this;
        };
    }

    /** The comparison written {@code symbol}, or null. */
    static Comparison of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
