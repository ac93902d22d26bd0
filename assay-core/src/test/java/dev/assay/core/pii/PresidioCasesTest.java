package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Presidio's own recognizer test cases (presidio-analyzer/tests/test_*_recognizer.py, ported to
 * golden/pii/presidio_cases.json by scripts/golden/presidio_cases.py): the number of matches, their spans and
 * their scores (the case's score or score range; 1.0 where Presidio's test asserts its max score). Presidio's
 * context words are not part of these cases; {@link PiiScanTest} covers the column-name context.
 */
class PresidioCasesTest {

    @TestFactory
    Stream<DynamicTest> presidioCases() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/golden/pii/presidio_cases.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cases")) {
            String name = (i++) + " " + c.get("entity").asText() + " " + c.get("text").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> check(c)));
        }
        assertThat(tests).hasSizeGreaterThan(500);
        return tests.stream();
    }

    private static void check(JsonNode c) {
        PiiEntity entity = PiiEntity.valueOf(c.get("entity").asText());
        String text = c.get("text").asText();
        List<PiiMatch> found = recognizer(entity, c).analyze(text);
        assertThat(found).as("matches in '%s': %s", text, found).hasSize(c.get("expected_len").asInt());
        // a few of Presidio's cases assert the count only and give no spans
        for (int j = 0; j < c.get("spans").size(); j++) {
            PiiMatch m = found.get(j);
            JsonNode span = c.get("spans").get(j);
            assertThat(new int[] {m.start(), m.end()}).as("span %d in '%s'", j, text).containsExactly(span.get(0).asInt(), span.get(1).asInt());
            if (c.has("score_ranges")) {
                JsonNode r = c.get("score_ranges").get(j);
                assertThat(m.score()).as("score in '%s'", text).isBetween(r.get(0).asDouble(), r.get(1).asDouble());
            } else if (c.has("score")) {
                assertThat(m.score()).as("score in '%s'", text).isCloseTo(c.get("score").asDouble(), within(1e-9));
            } else {
                assertThat(m.score()).as("score in '%s'", text).isEqualTo(1.0);
            }
        }
    }

    private static Recognizer recognizer(PiiEntity entity, JsonNode c) {
        switch (entity) {
            case EMAIL_ADDRESS:
                return new EmailRecognizer();
            case CREDIT_CARD:
                return new CreditCardRecognizer();
            case IBAN_CODE:
                return new IbanRecognizer();
            case US_SSN:
                return new UsSsnRecognizer();
            case IP_ADDRESS:
                return new IpRecognizer();
            case DATE_TIME:
                return new DateRecognizer();
            case PHONE_NUMBER:
                if (c.get("test").asText().equals("test_when_all_phones_then_succeed")) {
                    List<String> regions = new ArrayList<>(PhoneRecognizer.DEFAULT_REGIONS);
                    regions.addAll(List.of("JP", "CN"));
                    return new PhoneRecognizer(regions, 1);
                }
                return new PhoneRecognizer(PhoneRecognizer.DEFAULT_REGIONS, c.has("leniency") ? c.get("leniency").asInt() : 1);
            default:
                throw new IllegalArgumentException(entity.name());
        }
    }
}
