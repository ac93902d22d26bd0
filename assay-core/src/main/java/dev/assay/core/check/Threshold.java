package dev.assay.core.check;

import java.util.Objects;

/**
 * What a condition compares with: a number ({@code 0.8}) or the same value on the reference data,
 * possibly adjusted ({@code reference}, {@code reference - 0.02}, {@code reference * 0.98}).
 */
public sealed interface Threshold permits Threshold.Fixed, Threshold.Relative {

    /** Whether the threshold needs the value on the reference data. */
    boolean relative();

    /** The threshold for a value whose reference value is {@code reference} (ignored when fixed). */
    double resolve(double reference);

    /** The canonical text, e.g. {@code 0.8} or {@code reference - 0.02}. */
    String text();

    /** A fixed number. */
    record Fixed(double value) implements Threshold {
        public Fixed {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a threshold must be a finite number, got " + value);
            }
            value += 0.0; // -0.0 reads and writes as 0
        }

        @Override
        public boolean relative() {
            return false;
        }

        @Override
        public double resolve(double reference) {
            return value;
        }

        @Override
        public String text() {
            return Numbers.exact(value);
        }
    }

    /**
     * The reference value adjusted by {@code amount}.
     *
     * @param arithmetic how the amount adjusts the reference value
     * @param amount the amount added, subtracted or multiplied; 0 with {@link Arithmetic#NONE}
     */
    record Relative(Arithmetic arithmetic, double amount) implements Threshold {
        public Relative {
            Objects.requireNonNull(arithmetic, "arithmetic");
            if (!Double.isFinite(amount) || arithmetic == Arithmetic.NONE && amount != 0) {
                throw new IllegalArgumentException("a reference threshold " + arithmetic + " cannot take the amount " + amount);
            }
            amount += 0.0;
        }

        @Override
        public boolean relative() {
            return true;
        }

        @Override
        public double resolve(double reference) {
            return switch (arithmetic) {
                case NONE -> reference;
                case PLUS -> reference + amount;
                case MINUS -> reference - amount;
                case TIMES -> reference * amount;
            };
        }

        @Override
        public String text() {
            return arithmetic == Arithmetic.NONE ? "reference" : "reference " + arithmetic.symbol() + " " + Numbers.exact(amount);
        }

        /** How the threshold came about, for messages: {@code reference 0.8 - 0.02}. */
        String explain(double reference) {
            return "reference " + Numbers.shown(reference)
                    + (arithmetic == Arithmetic.NONE ? "" : " " + arithmetic.symbol() + " " + Numbers.exact(amount));
        }
    }

    /** How an amount adjusts the reference value. */
    enum Arithmetic {
        /** {@code reference} itself. */
        NONE(""),
        /** {@code reference + x}. */
        PLUS("+"),
        /** {@code reference - x}. */
        MINUS("-"),
        /** {@code reference * x}. */
        TIMES("*");

        private final String symbol;

        Arithmetic(String symbol) {
            this.symbol = symbol;
        }

        /** How it is written: {@code +}, {@code -}, {@code *}; empty for {@link #NONE}. */
        public String symbol() {
            return symbol;
        }
    }
}
