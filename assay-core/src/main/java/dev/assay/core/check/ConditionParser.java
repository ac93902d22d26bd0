package dev.assay.core.check;

import dev.assay.core.check.Subject.Aggregate;
import dev.assay.core.check.Subject.Function;
import dev.assay.core.check.Threshold.Arithmetic;
import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.ConditionOutcome.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern DECIMALS = Pattern.compile(",([0-9]+)");
    private static final Pattern KEY_END = Pattern.compile("\\s*(?:>=|<=|==|!=|=>|=<|>|<|≥|≤|≠)|\\.(?:lower|upper)\\b");
    private static final Pattern JOINED = Pattern.compile("(?i)(?:and|or)\\b.*|(?:&&|\\|\\||,|;).*");
    private static final String COMPARISON_CHARS = "<>=!≥≤≠";
    private static final String HINT = "Write MEASUREMENT OP THRESHOLD, for example 'recall >= 0.8', "
            + "'recall[sex=female] >= reference - 0.02', 'recall.lower >= 0.75' or 'max(psi[*]) < 0.2'.";
    /** The function names as written: min, max, mean, count. */
    static final List<String> FUNCTIONS = Arrays.stream(Function.values()).map(Function::id).toList();

    private final String text;
    private final Severity severity;
    private final ConditionCursor cursor;

    private ConditionParser(String text, Severity severity) {
        this.text = text;
        this.severity = severity;
        this.cursor = new ConditionCursor(text);
    }

    /** Parses {@code text}; see {@link Condition#parse}. */
    static Condition parse(String text, Severity severity) {
        Objects.requireNonNull(severity, "severity");
        String source = text == null ? "" : text;
        try {
            return read(source, severity);
        } catch (Problem p) {
            String suggestion = ConditionRepairs.suggestion(p.repair(), severity);
            throw new InvalidInputException("Cannot read the condition '" + Excerpt.of(source) + "': " + p.getMessage() + ". "
                    + (suggestion == null ? HINT : "Did you mean '" + suggestion + "'?"));
        }
    }

    /** Reads {@code text}, throwing a {@link Problem} (not yet a message) when it is malformed. */
    static Condition read(String text, Severity severity) {
        return new ConditionParser(text, severity).condition();
    }

    /** Rejects a name a condition could not address. */
    static void requireName(String name) {
        if (name == null || !ConditionCursor.isName(name)) {
            throw new IllegalArgumentException("not a measurement name: '" + Excerpt.of(name) + "'");
        }
    }

    /**
     * Rejects a key a condition could not address: blank, {@code *}, with spaces at either end, or
     * whose brackets and parentheses do not pair up.
     */
    static void requireKey(String key) {
        if (key.isBlank() || key.equals("*") || !key.strip().equals(key) || !ConditionCursor.pairsUp(key)) {
            throw new IllegalArgumentException("not a key a condition can address: '" + Excerpt.of(key) + "'");
        }
    }

    private Condition condition() {
        cursor.skipSpaces();
        if (cursor.atEnd()) {
            throw new Problem("it is empty", null);
        }
        if (startsWithThreshold()) {
            throw swappedSides();
        }
        Subject subject = subject();
        Criterion criterion = criterion(subject.text());
        cursor.skipSpaces();
        if (!cursor.atEnd()) {
            String head = text.substring(0, cursor.pos()).strip();
            String rest = text.substring(cursor.pos()).strip();
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
        Matcher number = cursor.rest(NUMBER);
        if (number.lookingAt()) {
            return number.end() == text.length() || !Character.isLetter(text.charAt(number.end())) && text.charAt(number.end()) != '_';
        }
        return cursor.lookingAtWord("reference");
    }

    /** {@code 0.8 <= recall}: the repair swaps the sides. */
    private Problem swappedSides() {
        int op = cursor.pos();
        while (op < text.length() && COMPARISON_CHARS.indexOf(text.charAt(op)) < 0) {
            op++;
        }
        int end = op;
        while (end < text.length() && COMPARISON_CHARS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        Comparison c = Comparison.of(text.substring(op, end));
        String right = text.substring(end).strip();
        String left = text.substring(cursor.pos(), op).strip();
        return new Problem("it starts with '" + Excerpt.of(left) + "', but the measurement goes on the left of the comparison",
                c == null || right.isEmpty() ? null : right + " " + c.swapped().symbol() + " " + left);
    }

    private Subject subject() {
        int start = cursor.pos();
        String name = name("it must start with the name of a measurement, such as recall");
        cursor.skipSpaces();
        if (cursor.peek() == '(') {
            return aggregate(start, name);
        }
        Selector s = selector(name);
        return "*".equals(s.key) ? new Subject.Every(name, s.bound) : new Subject.One(name, s.key, s.bound);
    }

    /** {@code FUNCTION ( NAME[*] [BOUND] [COMPARISON THRESHOLD] )}, the name already read. */
    private Subject aggregate(int start, String id) {
        Function function = FUNCTIONS.contains(id) ? Function.valueOf(id.toUpperCase(Locale.ROOT)) : null;
        if (function == null) {
            throw unknownFunction(start, id, cursor.pos());
        }
        cursor.advance();
        cursor.skipSpaces();
        int innerStart = cursor.pos();
        String name = name("expected a measurement such as psi[*] inside " + id + "(...)");
        cursor.skipSpaces();
        if (cursor.peek() == '(') {
            throw new Problem("functions do not nest: " + id + "(...) takes the members of one measurement, such as "
                    + id + "(psi[*])", null);
        }
        Selector s = selector(name);
        if (!"*".equals(s.key)) {
            throw new Problem(id + "(...) combines every member of " + name + ", so it takes " + name + "[*]" + s.bound.suffix(),
                    cursor.replace(innerStart, cursor.pos(), name + "[*]" + s.bound.suffix()));
        }
        cursor.skipSpaces();
        int filterStart = cursor.pos();
        Criterion filter = COMPARISON_CHARS.indexOf(cursor.peek()) >= 0 ? criterion(name + "[*]") : null;
        cursor.skipSpaces();
        if (cursor.peek() != ')') {
            int at = filter != null && cursor.atEnd() ? filterStart : cursor.pos();
            String repair = text.substring(0, at).stripTrailing() + ") " + text.substring(at).strip();
            throw new Problem("the '(' after '" + id + "' is not closed by ')'", repair.strip());
        }
        int close = cursor.pos();
        cursor.advance();
        cursor.skipSpaces();
        if (filter != null && function != Function.COUNT) {
            throw new Problem("only count takes a comparison inside the parentheses", cursor.atEnd()
                    ? text.substring(0, filterStart).stripTrailing() + ") " + text.substring(filterStart, close).strip()
                    : cursor.replace(start, start + id.length(), "count"));
        }
        Aggregate aggregate = new Aggregate(function, name, s.bound, filter);
        if (cursor.peek() == '.') {
            Bound bound = bound(aggregate.text());
            if (s.bound == Bound.VALUE) {
                String inside = new Aggregate(function, name, bound, filter).text();
                throw new Problem("the bound goes on the members: write " + inside + " for the " + bound.name().toLowerCase(Locale.ROOT)
                        + " bounds of the members", inside + text.substring(cursor.pos()));
            }
            throw new Problem("'" + aggregate.text() + "' already reads the " + s.bound.name().toLowerCase(Locale.ROOT) + " bounds",
                    aggregate.text() + text.substring(cursor.pos()));
        }
        return aggregate;
    }

    private Problem unknownFunction(int start, String id, int open) {
        String fix = ConditionRepairs.function(id);
        String problem = "unknown function '" + Excerpt.of(id) + "'; use " + String.join(", ", FUNCTIONS);
        if (fix != null) {
            return new Problem(problem, cursor.replace(start, start + id.length(), fix));
        }
        int close = cursor.matching(open);
        return new Problem(problem + ", or brackets for one member such as " + id + "[sex=female]",
                close < 0 ? null : text.substring(0, open) + "[" + text.substring(open + 1, close) + "]" + text.substring(close + 1));
    }

    /** {@code [KEY]} and {@code .lower}/{@code .upper} after a name. */
    private Selector selector(String name) {
        cursor.skipSpaces();
        String key = cursor.peek() == '[' ? key(name) : null;
        Bound bound = Bound.VALUE;
        if (cursor.peek() == '.') {
            int dot = cursor.pos();
            bound = bound(name + (key == null ? "" : "[" + key + "]"));
            if (cursor.peek() == '[' && key == null) {
                int keyStart = cursor.pos();
                String late = key(name);
                throw new Problem("the key goes before the bound: " + name + "[" + late + "]" + bound.suffix(),
                        text.substring(0, dot) + text.substring(keyStart, cursor.pos()) + bound.suffix()
                                + text.substring(cursor.pos()));
            }
        }
        return new Selector(key, bound);
    }

    /** The key between {@code [} and its matching {@code ]}; brackets and parentheses inside pair up. */
    private String key(String name) {
        int open = cursor.pos();
        int close = cursor.matching(open);
        if (close < 0) {
            throw unclosedKey(name, open, text.length());
        }
        if (text.charAt(close) == ')') {
            throw unclosedKey(name, open, close);
        }
        String key = text.substring(open + 1, close).strip();
        if (key.isEmpty()) {
            throw new Problem("the brackets after '" + name + "' are empty; write [*] for every member or name one, "
                    + "such as [sex=female]", cursor.replace(open, close + 1, "[*]"));
        }
        cursor.moveTo(close + 1);
        return key;
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
        int dot = cursor.pos();
        cursor.advance();
        String word = cursor.word();
        cursor.moveTo(dot + 1 + word.length());
        if (word.equals("lower")) {
            return Bound.LOWER;
        }
        if (word.equals("upper")) {
            return Bound.UPPER;
        }
        String fix = ConditionRepairs.bound(word);
        throw new Problem("unknown bound '." + Excerpt.of(word) + "' after '" + Excerpt.of(before)
                + "'; use '.lower' or '.upper' for the bounds of its confidence interval",
                fix == null ? null : cursor.replace(dot, cursor.pos(), "." + fix));
    }

    /** {@code COMPARISON THRESHOLD}, after {@code subject}. */
    private Criterion criterion(String subject) {
        cursor.skipSpaces();
        int start = cursor.pos();
        while (COMPARISON_CHARS.indexOf(cursor.peek()) >= 0) {
            cursor.advance();
        }
        String symbol = text.substring(start, cursor.pos());
        if (symbol.isEmpty()) {
            throw missingComparison(subject);
        }
        Comparison c = Comparison.of(symbol);
        if (c == null) {
            String fix = ConditionRepairs.comparison(symbol);
            throw new Problem("'" + symbol + "' is not a comparison; use " + (fix == null ? "one of >= > <= < == !=" : "'" + fix + "'"),
                    fix == null ? null : cursor.replace(start, cursor.pos(), fix));
        }
        return new Criterion(c, threshold(symbol));
    }

    private Problem missingComparison(String subject) {
        if (cursor.atEnd() || cursor.peek() == ')') {
            return new Problem("'" + Excerpt.of(subject) + "' has no comparison; add one of >= > <= < == != and a threshold",
                    null);
        }
        int at = cursor.pos();
        String word = cursor.word();
        String fix = ConditionRepairs.comparisonWord(word);
        String found = "'" + Excerpt.of(text.substring(at).strip()) + "'";
        if (fix != null) {
            return new Problem("'" + word + "' is not a comparison; use '" + fix + "'", cursor.replace(at, at + word.length(), fix));
        }
        return new Problem("expected a comparison (one of >= > <= < == !=) after '" + Excerpt.of(subject) + "', found " + found,
                startsWithThreshold() ? cursor.replace(at, at, ">= ") : null);
    }

    /** A number, or {@code reference} with an optional {@code + x}, {@code - x} or {@code * x}. */
    private Threshold threshold(String after) {
        cursor.skipSpaces();
        if (cursor.atEnd() || cursor.peek() == ')') {
            throw new Problem("nothing follows '" + after + "'; write a number such as 0.8, or 'reference'", null);
        }
        int start = cursor.pos();
        Matcher number = cursor.rest(NUMBER);
        if (number.lookingAt()) {
            cursor.moveTo(number.end());
            double value = finite(number.group());
            if (cursor.peek() == '%') {
                throw new Problem("'" + number.group() + "%' is a percentage; write it as a fraction",
                        cursor.replace(start, cursor.pos() + 1, Numbers.exact(value / 100)));
            }
            Matcher decimals = cursor.rest(DECIMALS);
            if (decimals.lookingAt()) {
                throw new Problem("'" + text.substring(start, decimals.end()) + "' has a decimal comma; write a decimal point",
                        cursor.replace(start, decimals.end(), number.group() + "." + decimals.group(1)));
            }
            Problem reversed = referenceAfter(start, number.group());
            if (reversed != null) {
                throw reversed;
            }
            return new Threshold.Fixed(value);
        }
        String word = cursor.word();
        if (word.isEmpty()) {
            throw new Problem("expected a number or 'reference' after '" + after + "', found '"
                    + Excerpt.of(text.substring(start).strip()) + "'", null);
        }
        cursor.moveTo(start + word.length());
        if (word.equals("reference")) {
            return relative();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (List.of("nan", "inf", "infinity").contains(lower)) {
            throw new Problem("'" + word + "' is not a finite number; write a number such as 0.8 or 1e-3", null);
        }
        throw new Problem("'" + Excerpt.of(word) + "' is not a number; write a number such as 0.8, or 'reference' "
                + "for the same value on the reference data",
                ConditionRepairs.meansReference(lower) ? cursor.replace(start, cursor.pos(), "reference") : null);
    }

    /**
     * The number just read is the threshold unless {@code * reference} or {@code + reference}
     * follows it; then the repair puts the reference first.
     */
    private Problem referenceAfter(int start, String number) {
        int end = cursor.pos();
        cursor.skipSpaces();
        char op = cursor.peek();
        if (op == '*' || op == '+') {
            cursor.advance();
            cursor.skipSpaces();
            if (cursor.lookingAtWord("reference")) {
                return new Problem("the reference goes first: 'reference " + op + " " + number + "'",
                        cursor.replace(start, cursor.pos() + "reference".length(), "reference " + op + " " + number));
            }
        }
        cursor.moveTo(end);
        return null;
    }

    private Threshold relative() {
        int end = cursor.pos();
        cursor.skipSpaces();
        int opAt = cursor.pos();
        char op = cursor.peek();
        Arithmetic arithmetic = op == '+' ? Arithmetic.PLUS : op == '-' ? Arithmetic.MINUS : op == '*' ? Arithmetic.TIMES : null;
        if (arithmetic == null && op != '/') {
            cursor.moveTo(end);
            return new Threshold.Relative(Arithmetic.NONE, 0);
        }
        cursor.advance();
        cursor.skipSpaces();
        Matcher number = cursor.rest(NUMBER);
        if (!number.lookingAt()) {
            throw new Problem("'reference " + op + "' needs a number after it, such as 'reference - 0.02'", null);
        }
        cursor.moveTo(number.end());
        double amount = finite(number.group());
        if (arithmetic == null) {
            throw new Problem("'/' cannot adjust the reference; use + x, - x or * x",
                    amount == 0 ? null : cursor.replace(opAt, cursor.pos(), "* " + Numbers.exact(1 / amount)));
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

    /** The measurement name here, moving past it; {@code problem} when there is none. */
    private String name(String problem) {
        String name = cursor.name();
        if (name == null) {
            throw new Problem(problem + ", found '" + Excerpt.of(text.substring(cursor.pos()).strip()) + "'", null);
        }
        return name;
    }

    /** The key ({@code *} for every member) and bound after a name. */
    private record Selector(String key, Bound bound) {
    }

    /** What is wrong, and the repaired text when a small repair exists. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String repair;

        Problem(String message, String repair) {
            super(message, null, false, false);
            this.repair = repair;
        }

        /** The repaired text, or null. */
        String repair() {
            return repair;
        }
    }
}
