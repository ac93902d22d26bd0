package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.TextColumn;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.metrics.EvaluationSettings;
import dev.assay.core.metrics.Task;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelCapabilities;
import dev.assay.core.model.ModelInfo;
import dev.assay.core.model.Predictions;
import dev.assay.core.uncertainty.IntervalMethod;
import dev.assay.core.uncertainty.IntervalSettings;
import dev.assay.core.uncertainty.WilsonInterval;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of the perturbations and hand-checked effects on a model whose answers are known. */
class PerturbationTest {

    private static Frame frame(int n) {
        SplittableRandom r = new SplittableRandom(1);
        double[] age = new double[n];
        double[] income = new double[n];
        double[] red = new double[n];
        double[] blue = new double[n];
        String[] city = new String[n];
        String[] sex = new String[n];
        for (int i = 0; i < n; i++) {
            age[i] = 18 + r.nextInt(60);
            income[i] = 1000 + 500 * r.nextDouble();
            red[i] = r.nextBoolean() ? 1 : 0;
            blue[i] = 1 - red[i];
            city[i] = new String[] {"Oslo", "Rome", "Lima"}[r.nextInt(3)];
            sex[i] = r.nextBoolean() ? "F" : "M";
        }
        return Frame.of(NumericColumn.wrap("age", age), NumericColumn.wrap("income", income), NumericColumn.wrap("red", red),
                NumericColumn.wrap("blue", blue), CategoricalColumn.of("city", city), CategoricalColumn.of("sex", sex));
    }

    private static final List<String> ALL = List.of("age", "income", "red", "blue", "city", "sex");
    private static final Constraints CONSTRAINTS = new Constraints(Set.of("sex"), Map.of("age", new Bounds(18, 77)),
            Map.of("color", List.of("red", "blue")));

    private static Perturbation make(String name, Map<String, ?> settings) {
        return PerturbationCatalog.create(name, PerturbationSettings.of(settings));
    }

    @Test
    void sameSeedSameRowsAndOtherSeedOtherRows() {
        Frame f = frame(500);
        PerturbationTarget t = PerturbationTarget.of(f, ALL, CONSTRAINTS);
        for (PerturbationCatalog.Entry e : PerturbationCatalog.entries()) {
            if (e.settings().stream().anyMatch(s -> s.key().equals("image_shape"))) {
                continue; // images: ImagePerturbationTest
            }
            Perturbation p = make(e.name(), Map.of());
            assertThat(p.apply(f, t, 7).columns()).as(e.name()).isEqualTo(p.apply(f, t, 7).columns());
        }
        Perturbation noise = make("gaussian_noise", Map.of("sigma", 0.5));
        assertThat(noise.apply(f, t, 7).column("income")).isNotEqualTo(noise.apply(f, t, 8).column("income"));
    }

    @Test
    void constraintsHoldOnEveryRowForEveryTabularPerturbation() {
        Frame f = frame(2000);
        PerturbationTarget t = PerturbationTarget.of(f, ALL, CONSTRAINTS);
        for (String name : List.of("gaussian_noise", "missing_values", "extreme_values", "category_swap", "rounding")) {
            Frame g = make(name, Map.of("rate", 0.5, "sigma", 3.0)).apply(f, t, 3);
            assertThat(g.column("sex")).as(name).isEqualTo(f.column("sex"));
            NumericColumn age = (NumericColumn) g.column("age");
            NumericColumn red = (NumericColumn) g.column("red");
            NumericColumn blue = (NumericColumn) g.column("blue");
            CategoricalColumn city = (CategoricalColumn) g.column("city");
            for (int i = 0; i < f.rowCount(); i++) {
                double a = age.get(i);
                assertThat(Double.isNaN(a) || (a == Math.rint(a) && a >= 18 && a <= 77)).as(name + " age " + a).isTrue();
                double ones = red.get(i) + blue.get(i);
                assertThat(ones == 1 || ones == 0).as(name + " one-hot row " + i).isTrue();
                assertThat(red.get(i) == 0 || red.get(i) == 1).isTrue();
                assertThat(city.isMissing(i) || List.of("Oslo", "Rome", "Lima").contains(city.get(i))).isTrue();
            }
        }
        Frame swapped = make("category_swap", Map.of("rate", 1.0)).apply(f, t, 3);
        for (int i = 0; i < f.rowCount(); i++) {
            assertThat(swapped.column("city").format(i)).isNotEqualTo(f.column("city").format(i));
            assertThat(swapped.column("red").format(i)).isNotEqualTo(f.column("red").format(i));
        }
    }

    @Test
    void noiseIsScaledToTheSpread() {
        Frame f = frame(20000);
        PerturbationTarget t = PerturbationTarget.of(f, List.of("income"), Constraints.NONE);
        double std = t.profile("income").std();
        double[] before = ((NumericColumn) f.column("income")).toArray();
        double[] after = ((NumericColumn) make("gaussian_noise", Map.of("sigma", 0.2)).apply(f, t, 5).column("income")).toArray();
        double s = 0;
        double ss = 0;
        for (int i = 0; i < before.length; i++) {
            double d = after[i] - before[i];
            s += d;
            ss += d * d;
        }
        double mean = s / before.length;
        double sd = Math.sqrt(ss / before.length - mean * mean);
        assertThat(sd / (0.2 * std)).isCloseTo(1, within(0.03));
        assertThat(mean / (0.2 * std)).isCloseTo(0, within(0.03));
        // uniform on [1000, 1500): std 500/sqrt(12), IQR 250
        assertThat(std).isCloseTo(500 / Math.sqrt(12), within(3.0));
        assertThat(t.profile("income").iqr()).isCloseTo(250, within(5.0));
    }

    @Test
    void textEditsFollowTheirDefinitions() {
        assertThat(Qwerty.neighbours('s')).isEqualTo("adwezx");
        assertThat(Qwerty.neighbours('q')).isEqualTo("w12a");
        assertThat(NumbersToWords.words(21)).isEqualTo("twenty-one");
        assertThat(NumbersToWords.words(123)).isEqualTo("one hundred and twenty-three");
        assertThat(NumbersToWords.words(1001)).isEqualTo("one thousand and one");
        assertThat(NumbersToWords.words(2500)).isEqualTo("two thousand, five hundred");
        assertThat(NumbersToWords.words(1_000_000)).isEqualTo("one million");
        Frame f = Frame.of(TextColumn.of("t", "Café at 10 Main St., 3.5 km away!", null));
        PerturbationTarget t = PerturbationTarget.of(f, List.of("t"), Constraints.NONE);
        assertThat(make("number_to_word", Map.of()).apply(f, t, 1).column("t").format(0))
                .isEqualTo("Café at ten Main St., 3.5 km away!");
        assertThat(make("accent_removal", Map.of()).apply(f, t, 1).column("t").format(0)).startsWith("Cafe at");
        assertThat(make("punctuation", Map.of()).apply(f, t, 1).column("t").format(0)).isEqualTo("Café at 10 Main St 35 km away");
        assertThat(make("punctuation", Map.of("mode", "trailing")).apply(f, t, 1).column("t").format(0))
                .isEqualTo("Café at 10 Main St., 3.5 km away");
        assertThat(make("case", Map.of("mode", "title")).apply(f, t, 1).column("t").format(0)).startsWith("Café At 10 Main St.");
        assertThat(make("typos", Map.of("rate", 1.0)).apply(f, t, 1).column("t").format(1)).isNull();
        String typo = make("typos", Map.of("rate", 1.0)).apply(f, t, 1).column("t").format(0);
        assertThat(typo).hasSameSizeAs("Café at 10 Main St., 3.5 km away!");
        assertThat(Qwerty.neighbours('c')).contains(String.valueOf(Character.toLowerCase(typo.charAt(0))));
        String deleted = make("char_delete", Map.of("rate", 1.0)).apply(f, t, 1).column("t").format(0);
        assertThat(deleted.isBlank()).isTrue();
        assertThat(make("char_swap", Map.of("rate", 1.0)).apply(f, t, 1).column("t").format(0)).startsWith("aCéf ta 01");
        assertThat(make("whitespace", Map.of("rate", 0.0)).apply(f, t, 1).column("t")).isEqualTo(f.column("t"));
    }

    @Test
    void badSettingsAndConstraintsAreNamed() {
        assertThatThrownBy(() -> make("noise", Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("gaussian_noise");
        assertThatThrownBy(() -> make("missing_values", Map.of("rate", 2))).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> make("case", Map.of("mode", "shout"))).hasMessageContaining("upper, lower, title");
        Frame f = frame(20);
        assertThatThrownBy(() -> PerturbationTarget.of(f, ALL, new Constraints(Set.of(), Map.of("age", new Bounds(30, 40)),
                Map.of()))).hasMessageContaining("outside its bounds").hasMessageContaining("row ");
        assertThatThrownBy(() -> PerturbationTarget.of(f, List.of("agee"), Constraints.NONE)).hasMessageContaining("agee");
        assertThatThrownBy(() -> PerturbationTarget.of(f, ALL, new Constraints(Set.of(), Map.of(), Map.of("g",
                List.of("age", "income"))))).hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> Bounds.parse("ten..20")).hasMessageContaining("17..90");
        assertThat(Bounds.parse("[0, 5]")).isEqualTo(new Bounds(0, 5));
        assertThat(Bounds.parse("0..").upper()).isInfinite();
    }

    /** Predicts positive ("yes") when x >= 0.5, with probability x; a missing x scores 0, or NaN when {@code nan}. */
    private static final class Threshold implements Model {
        private final boolean nan;

        Threshold(boolean nan) {
            this.nan = nan;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("threshold", "test", Task.BINARY, List.of("no", "yes"),
                    new FeatureMapping(List.of(FeatureMapping.Feature.numeric("x"))), new ModelCapabilities(true, false, true, 1000),
                    Map.of());
        }

        @Override
        public Predictions predict(Frame features) {
            NumericColumn x = (NumericColumn) features.column("x");
            double[] p = new double[2 * x.size()];
            for (int i = 0; i < x.size(); i++) {
                double v = Double.isNaN(x.get(i)) ? (nan ? Double.NaN : 0) : Math.max(0, Math.min(1, x.get(i)));
                p[2 * i] = 1 - v;
                p[2 * i + 1] = v;
            }
            return ClassPredictions.mostProbable(List.of("no", "yes"), p);
        }
    }

    @Test
    void flipsAndDropMatchHandCounts() {
        // x rounded to 0 decimals: 0.4 -> 0 (no, unchanged), 0.6 -> 1 (yes, unchanged), 0.45 -> 0, 0.2 -> 0 ...
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.55, 0.45, 0.35, 0.65};
        String[] y = {"no", "no", "no", "yes", "yes", "yes", "yes", "no", "yes", "no", "no", "yes"};
        Frame f = Frame.of(NumericColumn.wrap("x", x), CategoricalColumn.of("y", y));
        PerturbationTarget t = PerturbationTarget.of(f, List.of("x"), Constraints.NONE);
        IntervalSettings ci = new IntervalSettings(IntervalMethod.PERCENTILE, 200, 0.95);
        PerturbationEvaluation ev = new PerturbationEvaluation(new Threshold(false), f, f.column("y"),
                EvaluationSettings.defaults(), "accuracy", ci, 1);
        PerturbationEffect none = ev.measure(make("gaussian_noise", Map.of("sigma", 0.0)), t, 3);
        assertThat(none.drop()).isZero();
        assertThat(none.flips().flips()).isZero();
        assertThat(none.dropInterval().interval().lower()).isZero();
        assertThat(none.dropInterval().interval().upper()).isZero();
        assertThat(none.changedRows()).isZero();
        // x -> missing makes every row "no": the 6 rows predicted yes (x >= 0.5) flip.
        PerturbationEffect missing = ev.measure(make("missing_values", Map.of("rate", 1.0)), t, 20);
        assertThat(missing.flips().flips()).isEqualTo(6);
        assertThat(missing.flips().flipRateInterval(0.95).interval().lower())
                .isEqualTo(WilsonInterval.of(6, 12, 0.95).interval().lower());
        // clean: correct rows are 0.1,0.2,0.3,0.6,0.7,0.8,0.55,0.45,0.35,0.65 = 10 of 12; all "no": 6 of 12
        assertThat(missing.clean()).isCloseTo(10.0 / 12, within(1e-15));
        assertThat(missing.perturbed()).isCloseTo(6.0 / 12, within(1e-15));
        assertThat(missing.drop()).isCloseTo(4.0 / 12, within(1e-15));
        assertThat(missing.flips().meanAbsChange()).isCloseTo((0.1 + 0.2 + 0.3 + 0.4 + 0.6 + 0.7 + 0.8 + 0.9 + 0.55 + 0.45 + 0.35
                + 0.65) / 12, within(1e-12));
        assertThat(missing.examples()).hasSize(12);
        assertThat(missing.examples().get(0).before()).isEqualTo("yes");
        assertThat(missing.examples().get(0).after()).isEqualTo("no");
        assertThat(missing.examples().get(0).changes()).startsWith("x: 0.9 → (missing)");
        assertThat(missing.dropInterval().interval().lower()).isLessThanOrEqualTo(missing.drop());
        assertThat(missing.dropInterval().interval().upper()).isGreaterThanOrEqualTo(missing.drop());
        assertThat(missing.unscoredRows()).isZero();
    }

    @Test
    void rowsTheModelCannotScoreCountAsFlippedAndWrong() {
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.55, 0.45, 0.35, 0.65};
        String[] y = {"no", "no", "no", "yes", "yes", "yes", "yes", "no", "yes", "no", "no", "yes"};
        Frame f = Frame.of(NumericColumn.wrap("x", x), CategoricalColumn.of("y", y));
        PerturbationEvaluation ev = new PerturbationEvaluation(new Threshold(true), f, f.column("y"),
                EvaluationSettings.defaults(), "accuracy", new IntervalSettings(IntervalMethod.PERCENTILE, 200, 0.95), 1);
        PerturbationEffect e = ev.measure(make("missing_values", Map.of("rate", 1.0)), PerturbationTarget.of(f, List.of("x"),
                Constraints.NONE), 2);
        assertThat(e.unscoredRows()).isEqualTo(12);
        assertThat(e.flips().flips()).isEqualTo(12);
        assertThat(e.perturbed()).isZero();
        assertThat(e.drop()).isCloseTo(10.0 / 12, within(1e-15));
        assertThat(e.flips().scored()).isZero();
        assertThat(e.examples().get(0).after()).isEqualTo("(no finite score)");
        Frame clean = Frame.of(NumericColumn.of("x", 0.2, Double.NaN), CategoricalColumn.of("y", "no", "yes"));
        assertThatThrownBy(() -> new PerturbationEvaluation(new Threshold(true), clean, clean.column("y"),
                EvaluationSettings.defaults(), "accuracy", IntervalSettings.defaults(), 1)).hasMessageContaining("row 2");
    }
}
