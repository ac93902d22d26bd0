package dev.assay.report.svg;

import java.util.Locale;

/**
 * Axis ticks at "nice" steps (1, 2 or 5 times a power of ten).
 *
 * @param min the lower end of the axis
 * @param max the upper end of the axis
 * @param step the distance between ticks
 */
record Ticks(double min, double max, double step) {

    /**
     * Ticks for data in {@code [lo, hi]}. An end given as a finite {@code fixedMin} / {@code fixedMax}
     * is kept exactly; an open end is widened to the next tick.
     */
    static Ticks of(double lo, double hi, double fixedMin, double fixedMax, int target) {
        double a = Double.isFinite(fixedMin) ? fixedMin : lo;
        double b = Double.isFinite(fixedMax) ? fixedMax : hi;
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            a = 0;
            b = 1;
        }
        if (a > b) {
            double t = a;
            a = b;
            b = t;
        }
        if (a == b) {
            double pad = a == 0 ? 1 : Math.abs(a) * 0.1;
            if (!Double.isFinite(fixedMax)) {
                b += pad;
            }
            if (!Double.isFinite(fixedMin) || Double.isFinite(fixedMax)) {
                a -= pad;
            }
        }
        double step = nice((b - a) / Math.max(1, target - 1));
        double min = Double.isFinite(fixedMin) ? a : Math.floor(a / step + 1e-9) * step;
        double max = Double.isFinite(fixedMax) ? b : Math.ceil(b / step - 1e-9) * step;
        return new Ticks(min, max, step);
    }

    /** These ticks with a step of at least 1, the ends widened to whole numbers. */
    Ticks atLeastWhole() {
        return step >= 1 ? this : new Ticks(Math.floor(min), Math.ceil(max), 1);
    }

    private static double nice(double raw) {
        double exponent = Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        double niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return niceFraction * Math.pow(10, exponent);
    }

    /** The tick values: the multiples of the step within the axis. */
    double[] values() {
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        double[] v = new double[(int) Math.max(0, last - first + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (first + i) * step;
        }
        return v;
    }

    /**
     * A tick label with as many decimals as the step needs; from 10 000 on, in thousands,
     * millions or billions ({@code 250k}, {@code 1.5M}).
     */
    String label(double v) {
        if (Math.abs(v) < step * 1e-6) {
            v = 0;
        }
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        if (v == 0 && magnitude >= 1e4) {
            return "0";
        }
        double unit = 1;
        String suffix = "";
        if (magnitude >= 1e9) {
            unit = 1e9;
            suffix = "G";
        } else if (magnitude >= 1e6) {
            unit = 1e6;
            suffix = "M";
        } else if (magnitude >= 1e4) {
            unit = 1e3;
            suffix = "k";
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step / unit) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v / unit) + suffix;
    }

    /** The widest label, in characters. */
    int widestLabel() {
        int w = 1;
        for (double v : values()) {
            w = Math.max(w, label(v).length());
        }
        return w;
    }
}
