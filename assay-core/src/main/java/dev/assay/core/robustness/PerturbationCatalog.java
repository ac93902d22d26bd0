package dev.assay.core.robustness;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The perturbations by name, with their settings and defaults. Rates are probabilities in [0, 1] (per value,
 * per character or per text, as each perturbation says); {@code sigma} and {@code factor} are multiples of a
 * column's spread, {@code scale} says which spread ({@code std}, the sample standard deviation, or {@code iqr}).
 */
public final class PerturbationCatalog {

    /** One setting of a perturbation. */
    public record Setting(String key, String fallback, String description) {
    }

    /** One perturbation: its name, what it does, its settings and how it is made. */
    public record Entry(String name, String description, List<Setting> settings, Function<PerturbationSettings, Perturbation> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        Setting rate = new Setting("rate", "0.1", "probability of changing each value");
        Setting scale = new Setting("scale", "std", "spread that scales the change: std (sample standard deviation) or iqr");
        add("gaussian_noise", "numeric columns plus Gaussian noise of sigma times their spread",
                List.of(new Setting("sigma", "0.1", "noise standard deviation in units of the column's spread"), scale),
                s -> new GaussianNoise(nonNegative(s, "sigma", 0.1), spread(s)));
        add("missing_values", "values made missing", List.of(rate), s -> new MissingValues(rate(s, 0.1)));
        add("extreme_values", "numeric values replaced by min - factor*spread or max + factor*spread (within bounds)",
                List.of(rate, new Setting("factor", "3", "how many spreads beyond the clean range"), scale),
                s -> new ExtremeValues(rate(s, 0.1), nonNegative(s, "factor", 3), spread(s)));
        add("category_swap", "categories swapped for another level seen in the data", List.of(rate),
                s -> new CategorySwap(rate(s, 0.1)));
        add("rounding", "numbers rounded to a number of decimals",
                List.of(new Setting("decimals", "0", "decimal places kept (negative: tens, hundreds...)")),
                s -> new Rounding(whole(s, "decimals", 0)));
        Setting charRate = new Setting("rate", "0.05", "probability of changing each character");
        add("typos", "letters replaced by a QWERTY keyboard neighbour", List.of(charRate),
                s -> new CharacterNoise("typos", CharacterNoise.Edit.TYPO, rate(s, 0.05)));
        add("char_swap", "characters swapped with the next one", List.of(charRate),
                s -> new CharacterNoise("char_swap", CharacterNoise.Edit.SWAP, rate(s, 0.05)));
        add("char_delete", "characters deleted", List.of(charRate),
                s -> new CharacterNoise("char_delete", CharacterNoise.Edit.DELETE, rate(s, 0.05)));
        Setting textRate = new Setting("rate", "1", "probability of changing each text");
        add("case", "texts written in upper, lower or title case",
                List.of(new Setting("mode", "lower", "upper, lower or title"), textRate),
                s -> new CaseChange(choice(s, "mode", CaseChange.Mode.class, CaseChange.Mode.LOWER), rate(s, 1)));
        add("punctuation", "punctuation removed, or the final punctuation toggled",
                List.of(new Setting("mode", "remove", "remove (all punctuation) or trailing (strip or add a final full stop)"),
                        textRate),
                s -> new PunctuationChange(choice(s, "mode", PunctuationChange.Mode.class, PunctuationChange.Mode.REMOVE),
                        rate(s, 1)));
        add("whitespace", "spaces doubled and trailing spaces added",
                List.of(new Setting("rate", "0.1", "probability of doubling each space")), s -> new WhitespaceChange(rate(s, 0.1)));
        add("number_to_word", "whole numbers written in English words", List.of(textRate),
                s -> new NumbersToWords(rate(s, 1)));
        add("accent_removal", "accents removed from letters", List.of(textRate), s -> new AccentRemoval(rate(s, 1)));
        addImage("brightness", "images made brighter (or darker) by delta times the pixel range",
                new Setting("delta", "0.2", "change of every value, as a fraction of the pixel range (negative: darker)"),
                s -> ImageTransform.brightness(finite(s, "delta", 0.2)), s -> Map.of("delta", format(finite(s, "delta", 0.2))));
        addImage("contrast", "each channel's values scaled about its mean by factor",
                new Setting("factor", "0.5", "contrast factor: below 1 flatter, above 1 stronger"),
                s -> ImageTransform.contrast(nonNegative(s, "factor", 0.5)),
                s -> Map.of("factor", format(nonNegative(s, "factor", 0.5))));
        addImage("image_noise", "Gaussian noise on every pixel value",
                new Setting("sigma", "0.1", "noise standard deviation, as a fraction of the pixel range"),
                s -> ImageTransform.noise(nonNegative(s, "sigma", 0.1)), s -> Map.of("sigma", format(nonNegative(s, "sigma", 0.1))));
        addImage("blur", "images blurred with a Gaussian kernel (scipy.ndimage.gaussian_filter)",
                new Setting("sigma", "1", "blur standard deviation in pixels"),
                s -> ImageTransform.blur(nonNegative(s, "sigma", 1)), s -> Map.of("sigma", format(nonNegative(s, "sigma", 1))));
        addImage("rotation", "images rotated about their centre by a random angle in [-degrees, degrees]",
                new Setting("degrees", "15", "largest rotation angle in degrees"),
                s -> ImageTransform.rotation(nonNegative(s, "degrees", 15)),
                s -> Map.of("degrees", format(nonNegative(s, "degrees", 15))));
        addImage("occlusion", "a square patch of each image, at a random place, set to a fill value",
                new Setting("size", "0.25", "side of the patch as a fraction of the image's smaller side"),
                s -> ImageTransform.occlusion(rate(s, "size", 0.25), s.number("fill", Double.NaN)),
                s -> Map.of("size", format(rate(s, "size", 0.25))));
    }

    private PerturbationCatalog() {
    }

    /** Every perturbation, in catalogue order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** Every setting key any perturbation reads. */
    public static List<String> settingKeys() {
        List<String> out = new ArrayList<>();
        ENTRIES.values().forEach(e -> e.settings().forEach(s -> {
            if (!out.contains(s.key())) {
                out.add(s.key());
            }
        }));
        return out;
    }

    /**
     * The perturbation {@code name} made from {@code settings}.
     *
     * @throws InvalidInputException for an unknown name (listing the known ones) or a setting out of range
     */
    public static Perturbation create(String name, PerturbationSettings settings) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new InvalidInputException("Unknown perturbation '" + Excerpt.of(name) + "'; known: "
                    + String.join(", ", ENTRIES.keySet()) + ".");
        }
        return e.factory().apply(settings);
    }

    private static void add(String name, String description, List<Setting> settings, Function<PerturbationSettings, Perturbation> f) {
        ENTRIES.put(name, new Entry(name, description, settings, f));
    }

    private static double rate(PerturbationSettings s, double fallback) {
        return rate(s, "rate", fallback);
    }

    private static double rate(PerturbationSettings s, String key, double fallback) {
        double r = s.number(key, fallback);
        if (!(r >= 0 && r <= 1)) {
            throw new InvalidInputException(key + " must be a fraction between 0 and 1, found " + r + ".");
        }
        return r;
    }

    private static double finite(PerturbationSettings s, String key, double fallback) {
        double v = s.number(key, fallback);
        if (!Double.isFinite(v)) {
            throw new InvalidInputException(key + " must be a finite number, found " + v + ".");
        }
        return v;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Adds an image perturbation: its own setting plus the image's shape, layout, pixel range and (occlusion) fill.
     */
    private static void addImage(String name, String description, Setting own, Function<PerturbationSettings, ImageTransform> transform,
            Function<PerturbationSettings, Map<String, String>> describe) {
        List<Setting> settings = new ArrayList<>(List.of(own,
                new Setting("image_shape", "", "height x width (x channels) of each image, e.g. 28x28 or 32x32x3; required"),
                new Setting("image_layout", "hwc", "hwc (channels last) or chw (channels first)"),
                new Setting("pixel_range", "the clean data's range", "the values a pixel can take, e.g. 0..255")));
        if (name.equals("occlusion")) {
            settings.add(new Setting("fill", "the lowest pixel value", "the value of the occluding patch"));
        }
        add(name, description, settings, s -> new ImagePerturbation(name, describe.apply(s),
                ImageShape.parse(s.text("image_shape", null), s.text("image_layout", null)), pixelRange(s), transform.apply(s)));
    }

    private static Bounds pixelRange(PerturbationSettings s) {
        String text = s.text("pixel_range", null);
        if (text == null) {
            return null;
        }
        Bounds b = Bounds.parse(text);
        if (Double.isInfinite(b.lower()) || Double.isInfinite(b.upper()) || b.lower() == b.upper()) {
            throw new InvalidInputException("pixel_range '" + Excerpt.of(text) + "' must be a finite range with low < high, e.g. "
                    + "0..255 or 0..1.");
        }
        return b;
    }

    private static double nonNegative(PerturbationSettings s, String key, double fallback) {
        double v = s.number(key, fallback);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidInputException(key + " must be a finite number of 0 or more, found " + v + ".");
        }
        return v;
    }

    private static int whole(PerturbationSettings s, String key, int fallback) {
        double v = s.number(key, fallback);
        if (v != Math.rint(v) || Math.abs(v) > 15) {
            throw new InvalidInputException(key + " must be a whole number from -15 to 15, found " + v + ".");
        }
        return (int) v;
    }

    private static NumericProfile.Spread spread(PerturbationSettings s) {
        return choice(s, "scale", NumericProfile.Spread.class, NumericProfile.Spread.STD);
    }

    private static <E extends Enum<E>> E choice(PerturbationSettings s, String key, Class<E> type, E fallback) {
        String v = s.text(key, null);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidInputException(key + " must be one of " + String.join(", ", names) + ", found '"
                + Excerpt.of(v) + "'.");
    }
}
