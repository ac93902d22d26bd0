package dev.assay.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.compare.McNemarTest.Method;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class McNemarTestTest {
    private static final double RELATIVE = 1e-12;

    record Table(int b, int c, Method method, double statistic, double pValue) {
        @Override
        public String toString() {
            return "b=" + b + " c=" + c + " " + method;
        }
    }

    static List<Table> tables() throws IOException {
        JsonNode json;
        try (InputStream in = McNemarTestTest.class.getResourceAsStream("/compare/mcnemar_tables.json")) {
            json = new ObjectMapper().readTree(in);
        }
        List<Table> out = new ArrayList<>();
        for (JsonNode t : json.get("tables")) {
            for (Method method : Method.values()) {
                int b = t.get("b").asInt();
                int c = t.get("c").asInt();
                if (method == Method.CHI_SQUARE_CORRECTED && b == c) {
                    continue; // Assay does not correct when b = c (as R); see correctedFormWithEqualCounts
                }
                JsonNode expected = t.get(method.name().toLowerCase(Locale.ROOT));
                out.add(new Table(b, c, method, expected.get("statistic").asDouble(), expected.get("p_value").asDouble()));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("tables")
    void matchesStatsmodelsOnAGridOfTables(Table t) {
        McNemarTest test = McNemarTest.of(new Flips(t.b(), t.c(), 100, 7), t.method());

        assertThat(test.statistic()).isCloseTo(t.statistic(), within(RELATIVE * Math.max(1, t.statistic())));
        assertThat(test.pValue()).isCloseTo(t.pValue(), within(RELATIVE * t.pValue()));
        assertThat(test.baselineOnly()).isEqualTo(t.b());
        assertThat(test.candidateOnly()).isEqualTo(t.c());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void matchesStatsmodelsOnRealPairedPredictions(Method method) {
        CompareFixture fixture = CompareFixture.read("german_credit");
        String key = method.name().toLowerCase(Locale.ROOT);

        McNemarTest test = McNemarTest.of(Flips.count(fixture.correct("baseline"), fixture.correct("candidate")), method);

        double statistic = fixture.value("mcnemar", key, "statistic");
        double p = fixture.value("mcnemar", key, "p_value");
        assertThat(test.statistic()).isCloseTo(statistic, within(RELATIVE * Math.max(1, statistic)));
        assertThat(test.pValue()).isCloseTo(p, within(RELATIVE * p));
    }

    @Test
    void exactFormOnRealPredictions() {
        McNemarTest test = McNemarTest.of(new Flips(18, 20, 210, 52), Method.EXACT);

        assertThat(test.statistic()).isEqualTo(18);
        assertThat(test.pValue()).isCloseTo(0.8714146793645341, within(1e-15));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void noDiscordantRowsIsNoEvidence(Method method) {
        McNemarTest test = McNemarTest.of(new Flips(0, 0, 40, 2), method);

        assertThat(test.statistic()).isZero();
        assertThat(test.pValue()).isEqualTo(1);
    }

    @Test
    void correctedFormWithEqualCountsIsNoEvidence() {
        McNemarTest test = McNemarTest.of(new Flips(5, 5, 40, 2), Method.CHI_SQUARE_CORRECTED);

        assertThat(test.statistic()).isZero();
        assertThat(test.pValue()).isEqualTo(1);
    }
}
