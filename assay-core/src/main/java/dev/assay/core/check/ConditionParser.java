package dev.assay.core.check;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.check.Subject.Function;
import dev.assay.core.check.Threshold.Arithmetic;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.error.Suggestions;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of a {@link Condition} (the grammar is on that class). A malformed condition is
 * an {@link InvalidInputException} that names what was found and what is expected and, where a
 * small repair makes the text valid, gives the repaired condition: "did you mean
 * 'recall[sex=female] >= 0.8'?".
 */
final class ConditionParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_@:-]*(?:\\.[0-9][A-Za-z0-9_@:-]*)*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern KEY_END = Pattern.compile("\\s*(?:>=|<=|==|!=|=>|=<|>|<|≥|≤|≠)|\\.(?:lower|upper)\\b");
    private static final Pattern JOINED = Pattern.compile("(?i)(?:and|or)\\b.*|(?:&&|\\|\\||,|;).*");
    private static final String COMPARISON_CHARS = "<>=!≥≤≠";
    private static final String HINT = "Write MEASUREMENT OP THRESHOLD, for example 'recall >= 0.8', "
            + "'recall[sex=female] >= reference - 0.02', 'recall.lower >= 0.75' or 'max(psi[*]) < 0.2'.";
    /** Repaired texts longer than this are not offered: a suggestion must fit in a message. */
    private static final int LONGEST_SUGGESTION = 200;

    private static final Map<String, String> COMPARISON_FIXES = Map.ofEntries(Map.entry("=>", ">="), Map.entry("=<", "<="),
            Map.entry("=", "=="), Map.entry("===", "=="), Map.entry("<>", "!="), Map.entry("=!", "!="), Map.entry("!", "!="),
            Map.entry("!==", "!="), Map.entry("≥", ">="), Map.entry("≤", "<="), Map.entry("≠", "!="), Map.entry(">>", ">"),
            Map.entry("<<", "<"), Map.entry(">==", ">="), Map.entry("<==", "<="));
    private static final Map<String, String> COMPARISON_WORDS = Map.of("ge", ">=", "gte", ">=", "gt", ">", "le", "<=",
            "lte", "<=", "lt", "<", "eq", "==", "ne", "!=", "neq", "!=");
    private static final Map<String, String> BOUND_WORDS = Map.ofEntries(Map.entry("low", "lower"), Map.entry("lo", "lower"),
            Map.entry("l", "lower"), Map.entry("lb", "lower"), Map.entry("min", "lower"), Map.entry("lower_bound", "lower"),
            Map.entry("high", "upper"), Map.entry("hi", "upper"), Map.entry("up", "upper"), Map.entry("u", "upper"),
            Map.entry("ub", "upper"), Map.entry("max", "upper"), Map.entry("upper_bound", "upper"));
    private static final Map<String, String> FUNCTION_WORDS = Map.of("maximum", "max", "minimum", "min", "avg", "mean",
            "average", "mean", "n", "count", "num", "count", "number", "count", "len", "count", "size", "count");
    private static final List<String> FUNCTIONS = Arrays.stream(Function.values()).map(Function::id).toList();

    private final String text;
    private final Severity severity;
    private int pos;

    private ConditionParser(String text, Severity severity) {
        this.text = text;
        this.severity = severity;
    }

    /** Parses {@code text}; see {@link Condition#parse}. */
    static Condition parse(String text, Severity severity) {
        Objects.requireNonNull(severity, "severity");
        String source = text == null ? "" : text;
        try {
            return new ConditionParser(source, severity).condition();
        } catch (Problem p) {
            String suggestion = suggestion(p, severity);
            throw new InvalidInputException("Cannot read the condition '" + Excerpt.of(source) + "': " + p.getMessage() + ". "
                    + (suggestion == null ? HINT : "Did you mean '" + suggestion + "'?"));
        }
    }

    /** The canonical text of the repaired condition, following up to three repairs, or null. */
    private static String suggestion(Problem problem, Severity severity) {
        String repair = problem.repair;
        for (int attempt = 0; attempt < 3 && repair != null && repair.length() <= LONGEST_SUGGESTION; attempt++) {
            try {
                return new ConditionParser(repair, severity).condition().text();
            } catch (Problem next) {
                repair = next.repair;
            }
        }
        return null;
    }

    /** Rejects a name a condition could not address. */
    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a measurement name: '" + Excerpt.of(name) + "'");
        }
    }

    /**
     * Rejects a key a condition could not address: blank, {@code *}, with spaces at either end, or
     * whose brackets and parentheses do not pair up.
     */
    static void requireKey(String key) {
        int depth = 1;
        for (int i = 0; i < key.length() && depth > 0; i++) {
            depth += opens(key.charAt(i)) ? 1 : closes(key.charAt(i)) ? -1 : 0;
        }
        if (key.isBlank() || key.equals("*") || !key.strip().equals(key) || depth != 1) {
            throw new IllegalArgumentException("not a key a condition can address: '" + Excerpt.of(key) + "'");
        }
    }

    private Condition condition() {
        skipSpaces();
        if (atEnd()) {
            throw new Problem("it is empty", null);
        }
        if (startsWithThreshold()) {
            throw swappedSides();
        }
        Subject subject = subject();
        Criterion criterion = criterion(subject.text());
        skipSpaces();
        if (!atEnd()) {
            String head = text.substring(0, pos).strip();
            String rest = text.substring(pos).strip();
            throw new Problem(JOINED.matcher(rest).matches()
                    ? "it holds more than one condition; write each condition as its own entry of the list"
                    : "unexpected '" + Excerpt.of(rest) + "' after '" + Excerpt.of(head) + "'", head);
        }
        if (subject instanceof Aggregate a && a.function() == Function.COUNT && criterion.threshold().relative()) {
            throw new Problem("count(...) is a number of members, so it compares with a number such as 2, not with 'reference'",
                    null);
        }
        return new Condition(subject, criterion, severity);
    }

    /** Whether a number or {@code reference} comes next (and not a name such as {@code 1st_recall}). */
    private boolean startsWithThreshold() {
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            return number.end() == text.length() || !Character.isLetter(text.charAt(number.end())) && text.charAt(number.end()) != '_';
        }
        return lookingAtWord("reference");
    }

    /** {@code 0.8 <= recall}: the repair swaps the sides. */
    private Problem swappedSides() {
        int op = pos;
        while (op < text.length() && COMPARISON_CHARS.indexOf(text.charAt(op)) < 0) {
            op++;
        }
        int end = op;
        while (end < text.length() && COMPARISON_CHARS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        Comparison c = Comparison.of(text.substring(op, end));
        String right = text.substring(end).strip();
        String left = text.substring(pos, op).strip();
        return new Problem("it starts with '" + Excerpt.of(left) + "', but the measurement goes on the left of the comparison",
                c == null || right.isEmpty() ? null : right + " " + c.swapped().symbol() + " " + left);
    }

    private Subject subject() {
        int start = pos;
        String name = name("it must start with the name of a measurement, such as recall");
        skipSpaces();
        if (peek() == '(') {
            return aggregate(start, name);
        }
        Selector s = selector(name);
        return "*".equals(s.key) ? new Subject.Every(name, s.bound) : new Subject.One(name, s.key, s.bound);
    }

    /** {@code FUNCTION ( NAME[*] [BOUND] [COMPARISON THRESHOLD] )}, the name already read. */
    private Subject aggregate(int start, String id) {
        Function function = FUNCTIONS.contains(id) ? Function.valueOf(id.toUpperCase(Locale.ROOT)) : null;
        if (function == null) {
            throw unknownFunction(start, id, pos);
        }
        pos++;
        skipSpaces();
        int innerStart = pos;
        String name = name("expected a measurement such as psi[*] inside " + id + "(...)");
        skipSpaces();
        if (peek() == '(') {
            throw new Problem("functions do not nest: " + id + "(...) takes the members of one measurement, such as "
                    + id + "(psi[*])", null);
        }
        Selector s = selector(name);
        if (!"*".equals(s.key)) {
            throw new Problem(id + "(...) combines every member of " + name + ", so it takes " + name + "[*]" + s.bound.suffix(),
                    replace(innerStart, pos, name + "[*]" + s.bound.suffix()));
        }
        skipSpaces();
        int filterStart = pos;
        Criterion filter = COMPARISON_CHARS.indexOf(peek()) >= 0 ? criterion(name + "[*]") : null;
        skipSpaces();
        if (peek() != ')') {
            String repair = filter != null && atEnd()
                    ? text.substring(0, filterStart).stripTrailing() + ") " + text.substring(filterStart).strip()
                    : text.substring(0, pos).stripTrailing() + ") " + text.substring(pos).strip();
            throw new Problem("the '(' after '" + id + "' is not closed by ')'", repair.strip());
        }
        int close = pos++;
        skipSpaces();
        if (filter != null && function != Function.COUNT) {
            throw new Problem("only count takes a comparison inside the parentheses", atEnd()
                    ? text.substring(0, filterStart).stripTrailing() + ") " + text.substring(filterStart, close).strip()
                    : replace(start, start + id.length(), "count"));
        }
        Aggregate aggregate = new Aggregate(function, name, s.bound, filter);
        if (peek() == '.') {
            Bound bound = bound(aggregate.text());
            if (s.bound == Bound.VALUE) {
                String inside = new Aggregate(function, name, bound, filter).text();
                throw new Problem("the bound goes on the members: write " + inside + " for the " + bound.name().toLowerCase(Locale.ROOT)
                        + " bounds of the members", inside + text.substring(pos));
            }
            throw new Problem("'" + aggregate.text() + "' already reads the " + s.bound.name().toLowerCase(Locale.ROOT) + " bounds",
                    aggregate.text() + text.substring(pos));
        }
        return aggregate;
    }

    private Problem unknownFunction(int start, String id, int open) {
        String fix = FUNCTION_WORDS.get(id.toLowerCase(Locale.ROOT));
        if (fix == null) {
            fix = Suggestions.closest(id, FUNCTIONS, 1).stream().findFirst().orElse(null);
        }
        String problem = "unknown function '" + Excerpt.of(id) + "'; use " + String.join(", ", FUNCTIONS);
        if (fix != null) {
            return new Problem(problem, replace(start, start + id.length(), fix));
        }
        int close = matching(open);
        return new Problem(problem + ", or brackets for one member such as " + id + "[sex=female]",
                close < 0 ? null : text.substring(0, open) + "[" + text.substring(open + 1, close) + "]" + text.substring(close + 1));
    }

    /** The position of the bracket or parenthesis closing the one at {@code open}, or -1. */
    private int matching(int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            depth += opens(text.charAt(i)) ? 1 : closes(text.charAt(i)) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** {@code [KEY]} and {@code .lower}/{@code .upper} after a name. */
    private Selector selector(String name) {
        skipSpaces();
        String key = peek() == '[' ? key(name) : null;
        Bound bound = Bound.VALUE;
        if (peek() == '.') {
            int dot = pos;
            bound = bound(name + (key == null ? "" : "[" + key + "]"));
            if (peek() == '[' && key == null) {
                int keyStart = pos;
                String late = key(name);
                throw new Problem("the key goes before the bound: " + name + "[" + late + "]" + bound.suffix(),
                        text.substring(0, dot) + text.substring(keyStart, pos) + bound.suffix() + text.substring(pos));
            }
        }
        return new Selector(key, bound);
    }

    /** The key between {@code [} and its matching {@code ]}; brackets and parentheses inside pair up. */
    private String key(String name) {
        int open = pos;
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += opens(c) ? 1 : closes(c) ? -1 : 0;
            if (depth == 0) {
                if (c == ')') {
                    throw unclosedKey(name, open, i);
                }
                String key = text.substring(open + 1, i).strip();
                if (key.isEmpty()) {
                    throw new Problem("the brackets after '" + name + "' are empty; write [*] for every member or name one, "
                            + "such as [sex=female]", replace(open, i + 1, "[*]"));
                }
                pos = i + 1;
                return key;
            }
        }
        throw unclosedKey(name, open, text.length());
    }

    /** The repair closes the key before the comparison (or bound) that follows it. */
    private Problem unclosedKey(String name, int open, int limit) {
        Matcher m = KEY_END.matcher(text).region(open + 1, limit);
        int end = m.find() ? m.start() : limit;
        return new Problem("the '[' after '" + name + "' is not closed by ']'",
                text.substring(0, end).stripTrailing() + "]" + text.substring(end));
    }

    /** {@code .lower} or {@code .upper}, at a dot. */
    private Bound bound(String before) {
        int dot = pos++;
        Matcher m = WORD.matcher(text).region(pos, text.length());
        String word = m.lookingAt() ? m.group() : "";
        pos += word.length();
        if (word.equals("lower")) {
            return Bound.LOWER;
        }
        if (word.equals("upper")) {
            return Bound.UPPER;
        }
        String fix = BOUND_WORDS.get(word.toLowerCase(Locale.ROOT));
        if (fix == null && !word.isEmpty()) {
            fix = Suggestions.closest(word, List.of("lower", "upper"), 1).stream().findFirst().orElse(null);
        }
        throw new Problem("unknown bound '." + Excerpt.of(word) + "' after '" + Excerpt.of(before)
                + "'; use '.lower' or '.upper' for the bounds of its confidence interval",
                fix == null ? null : replace(dot, pos, "." + fix));
    }

    /** {@code COMPARISON THRESHOLD}, after {@code subject}. */
    private Criterion criterion(String subject) {
        skipSpaces();
        int start = pos;
        while (COMPARISON_CHARS.indexOf(peek()) >= 0) {
            pos++;
        }
        String symbol = text.substring(start, pos);
        if (symbol.isEmpty()) {
            throw missingComparison(subject);
        }
        Comparison c = Comparison.of(symbol);
        if (c == null) {
            String fix = COMPARISON_FIXES.get(symbol);
            throw new Problem("'" + symbol + "' is not a comparison; use " + (fix == null ? "one of >= > <= < == !=" : "'" + fix + "'"),
                    fix == null ? null : replace(start, pos, fix));
        }
        return new Criterion(c, threshold(symbol));
    }

    private Problem missingComparison(String subject) {
        if (atEnd() || peek() == ')') {
            return new Problem("'" + Excerpt.of(subject) + "' has no comparison; add one of >= > <= < == != and a threshold",
                    null);
        }
        Matcher word = WORD.matcher(text).region(pos, text.length());
        String fix = word.lookingAt() ? COMPARISON_WORDS.get(word.group().toLowerCase(Locale.ROOT)) : null;
        String found = "'" + Excerpt.of(text.substring(pos).strip()) + "'";
        if (fix != null) {
            return new Problem("'" + word.group() + "' is not a comparison; use '" + fix + "'", replace(pos, word.end(), fix));
        }
        return new Problem("expected a comparison (one of >= > <= < == !=) after '" + Excerpt.of(subject) + "', found " + found,
                startsWithThreshold() ? replace(pos, pos, ">= ") : null);
    }

    /** A number, or {@code reference} with an optional {@code + x}, {@code - x} or {@code * x}. */
    private Threshold threshold(String after) {
        skipSpaces();
        if (atEnd() || peek() == ')') {
            throw new Problem("nothing follows '" + after + "'; write a number such as 0.8, or 'reference'", null);
        }
        int start = pos;
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            pos = number.end();
            double value = finite(number.group());
            if (peek() == '%') {
                throw new Problem("'" + number.group() + "%' is a percentage; write it as a fraction",
                        replace(start, pos + 1, Numbers.exact(value / 100)));
            }
            Matcher decimals = Pattern.compile(",([0-9]+)").matcher(text).region(pos, text.length());
            if (decimals.lookingAt()) {
                throw new Problem("'" + text.substring(start, decimals.end()) + "' has a decimal comma; write a decimal point",
                        replace(start, decimals.end(), number.group() + "." + decimals.group(1)));
            }
            Problem reversed = referenceAfter(start, number.group());
            if (reversed != null) {
                throw reversed;
            }
            return new Threshold.Fixed(value);
        }
        Matcher word = WORD.matcher(text).region(pos, text.length());
        if (!word.lookingAt()) {
            throw new Problem("expected a number or 'reference' after '" + after + "', found '"
                    + Excerpt.of(text.substring(pos).strip()) + "'", null);
        }
        pos = word.end();
        if (word.group().equals("reference")) {
            return relative();
        }
        String lower = word.group().toLowerCase(Locale.ROOT);
        if (List.of("nan", "inf", "infinity").contains(lower)) {
            throw new Problem("'" + word.group() + "' is not a finite number; write a number such as 0.8 or 1e-3", null);
        }
        boolean meantReference = List.of("ref", "baseline", "reference_value").contains(lower)
                || !Suggestions.closest(lower, List.of("reference"), 1).isEmpty();
        throw new Problem("'" + Excerpt.of(word.group()) + "' is not a number; write a number such as 0.8, or 'reference' "
                + "for the same value on the reference data", meantReference ? replace(start, pos, "reference") : null);
    }

    /**
     * The number just read is the threshold unless {@code * reference} or {@code + reference}
     * follows it; then the repair puts the reference first.
     */
    private Problem referenceAfter(int start, String number) {
        int end = pos;
        skipSpaces();
        char op = peek();
        if (op == '*' || op == '+') {
            pos++;
            skipSpaces();
            if (lookingAtWord("reference")) {
                return new Problem("the reference goes first: 'reference " + op + " " + number + "'",
                        replace(start, pos + "reference".length(), "reference " + op + " " + number));
            }
        }
        pos = end;
        return null;
    }

    private Threshold relative() {
        int end = pos;
        skipSpaces();
        int opAt = pos;
        char op = peek();
        Arithmetic arithmetic = op == '+' ? Arithmetic.PLUS : op == '-' ? Arithmetic.MINUS : op == '*' ? Arithmetic.TIMES : null;
        if (arithmetic == null && op != '/') {
            pos = end;
            return new Threshold.Relative(Arithmetic.NONE, 0);
        }
        pos++;
        skipSpaces();
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (!number.lookingAt()) {
            throw new Problem("'reference " + op + "' needs a number after it, such as 'reference - 0.02'", null);
        }
        pos = number.end();
        double amount = finite(number.group());
        if (arithmetic == null) {
            throw new Problem("'/' cannot adjust the reference; use + x, - x or * x",
                    amount == 0 ? null : replace(opAt, pos, "* " + Numbers.exact(1 / amount)));
        }
        return new Threshold.Relative(arithmetic, amount);
    }

    private static double finite(String number) {
        double d = Double.parseDouble(number);
        if (!Double.isFinite(d)) {
            throw new Problem("'" + Excerpt.of(number) + "' is not a finite number; write a number such as 0.8 or 1e-3", null);
        }
        return d;
    }

    private String name(String problem) {
        Matcher m = NAME.matcher(text).region(pos, text.length());
        if (!m.lookingAt()) {
            throw new Problem(problem + ", found '" + Excerpt.of(text.substring(pos).strip()) + "'", null);
        }
        pos = m.end();
        return m.group();
    }

    private boolean lookingAtWord(String word) {
        Matcher m = WORD.matcher(text).region(pos, text.length());
        return m.lookingAt() && m.group().equals(word);
    }

    private String replace(int from, int to, String with) {
        return text.substring(0, from) + with + text.substring(to);
    }

    private void skipSpaces() {
        while (!atEnd() && (Character.isWhitespace(text.charAt(pos)) || Character.isSpaceChar(text.charAt(pos)))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private static boolean opens(char c) {
        return c == '[' || c == '(';
    }

    private static boolean closes(char c) {
        return c == ']' || c == ')';
    }

    /** The key ({@code *} for every member) and bound after a name. */
    private record Selector(String key, Bound bound) {
    }

    /** What is wrong, and the repaired text when a small repair exists. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String repair;

        Problem(String message, String repair) {
            super(message, null, false, false);
            this.repair = repair;
        }
    }
}
