package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assay pii} and {@code assay pseudonymise} on German credit with synthetic identifiers added (an e-mail,
 * a phone number and a card number per row), and the pseudonymisation-invariance test: a real model's predictions
 * and fairness metrics are the same before and after the identifiers are replaced.
 */
class PiiCommandTest {
    private static final Path GERMAN_TEST = Path.of("../examples/german-credit/test.csv");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIRST = {"anna", "ben", "carla", "dieter", "eva", "farid", "greta", "hans"};

    @TempDir
    Path dir;

    /** German credit's held-out rows with synthetic e-mails, phone numbers and Luhn-valid card numbers. */
    private Path withIdentifiers() throws IOException {
        List<String> lines = Files.readAllLines(GERMAN_TEST);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + ",email,phone,card");
        for (int i = 1; i < lines.size(); i++) {
            String email = FIRST[i % FIRST.length] + "." + i + "@mail" + (i % 3) + ".example.com";
            String phone = String.format("+49 30 %07d", 1000000 + i * 37);
            out.add(lines.get(i) + "," + email + "," + phone + "," + card(i));
        }
        Path file = dir.resolve("customers.csv");
        Files.write(file, out);
        return file;
    }

    /** A 16-digit Visa-like number with a valid Luhn check digit. */
    private static String card(int i) {
        String body = "4" + String.format("%014d", 12345678900L + i * 7919L);
        for (int d = 0; d <= 9; d++) {
            if (luhn(body + d)) {
                return body + d;
            }
        }
        throw new AssertionError();
    }

    private static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(s.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    @Test
    void findsTheIdentifierColumnsAndNothingElse() throws IOException {
        Path data = withIdentifiers();
        CliRun r = CliRun.of("pii", "--data", data.toString(), "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode columns = JSON.readTree(r.out()).get("columns");
        assertThat(columns.get("email").get("EMAIL_ADDRESS").asInt()).isEqualTo(300);
        assertThat(columns.get("phone").get("PHONE_NUMBER").asInt()).isEqualTo(300);
        assertThat(columns.get("card").get("CREDIT_CARD").asInt()).isEqualTo(300);
        assertThat(columns.get("credit_amount").size()).isZero();
        assertThat(columns.get("purpose").size()).isZero();
        assertThat(columns.size()).isEqualTo(24);
        CliRun text = CliRun.of("pii", "--data", data.toString());
        assertThat(text.out()).contains("3 columns").contains("EMAIL_ADDRESS      300 of 300 values").doesNotContain("anna.8@");
    }

    @Test
    void pseudonymisedDataKeepsPredictionsAndFairnessMetrics() throws IOException {
        Path data = withIdentifiers();
        Path key = dir.resolve("key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef\n");
        Path out = dir.resolve("pseudonymised.csv");
        CliRun p = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "email,phone,card", "--key-file", key.toString(),
                "--out", out.toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(p.out()).doesNotContain("0123456789abcdef");
        JsonNode after = JSON.readTree(CliRun.of("pii", "--data", out.toString(), "--format", "json").out()).get("columns");
        assertThat(after.get("email").size() + after.get("phone").size() + after.get("card").size()).isZero();
        // consistent across files: the first 100 rows pseudonymised on their own give the same pseudonyms
        List<String> lines = Files.readAllLines(data);
        Path part = dir.resolve("part.csv");
        Files.write(part, lines.subList(0, 101));
        Path partOut = dir.resolve("part_out.csv");
        assertThat(CliRun.of("pseudonymise", "--data", part.toString(), "--columns", "email,phone,card", "--key-file", key.toString(),
                "--out", partOut.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(partOut)).isEqualTo(Files.readAllLines(out).subList(0, 101));

        for (String model : List.of("german_credit_logistic.onnx", "german_credit_forest.onnx")) {
            assertThat(fairness(out, model)).isEqualTo(fairness(data, model));
            assertThat(evaluate(out, model)).isEqualTo(evaluate(data, model));
        }
    }

    private static JsonNode fairness(Path data, String model) throws IOException {
        CliRun r = CliRun.of("fairness", "--data", data.toString(), "--label", "class", "--positive", "bad", "--model",
                "../examples/models/" + model, "--group", "age,personal_status", "--edges", "age=0,25,100", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return withoutPaths(JSON.readTree(r.out()));
    }

    private static JsonNode evaluate(Path data, String model) throws IOException {
        CliRun r = CliRun.of("evaluate", "--data", data.toString(), "--label", "class", "--positive", "bad", "--model",
                "../examples/models/" + model, "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = withoutPaths(JSON.readTree(r.out()));
        assertThat(out.toString()).contains("roc_auc");
        return out;
    }

    /** The output without members naming the input file and its fingerprint, which differ by construction. */
    private static JsonNode withoutPaths(JsonNode n) {
        if (n instanceof ObjectNode) {
            ObjectNode o = (ObjectNode) n;
            o.remove(List.of("data", "source", "fingerprint", "file", "path", "duration_ms", "created", "timestamp"));
            o.forEach(PiiCommandTest::withoutPaths);
        } else if (n.isArray()) {
            n.forEach(PiiCommandTest::withoutPaths);
        }
        return n;
    }

    @Test
    void badInputNamesTheProblem() throws IOException {
        Path data = withIdentifiers();
        CliRun unknown = CliRun.of("pii", "--data", data.toString(), "--columns", "emial");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("emial").doesNotContain("Exception");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "email,phone\n");
        CliRun none = CliRun.of("pii", "--data", empty.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no data rows");
        Path out = dir.resolve("never.csv");
        CliRun noKey = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "email", "--out", out.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("--key-file FILE or --key-env NAME");
        CliRun unset = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "email", "--key-env", "ASSAY_TEST_UNSET_KEY_VARIABLE",
                "--out", out.toString());
        assertThat(unset.err()).contains("ASSAY_TEST_UNSET_KEY_VARIABLE").contains("not set");
        Path shortKey = dir.resolve("short");
        Files.writeString(shortKey, "hunter2");
        CliRun weak = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "email", "--key-file", shortKey.toString(),
                "--out", out.toString());
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).contains("7 bytes").doesNotContain("hunter2");
        CliRun missingKey = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "email", "--key-file",
                dir.resolve("nokey").toString(), "--out", out.toString());
        assertThat(missingKey.err()).contains("Cannot read the key file");
        Path key = dir.resolve("key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef");
        CliRun badColumn = CliRun.of("pseudonymise", "--data", data.toString(), "--columns", "mail", "--key-file", key.toString(),
                "--out", out.toString());
        assertThat(badColumn.exitCode()).isEqualTo(2);
        assertThat(badColumn.err()).contains("mail");
        assertThat(out).doesNotExist();
    }
}
