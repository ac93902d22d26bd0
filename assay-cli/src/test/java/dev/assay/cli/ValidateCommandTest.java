package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay validate DATA --contract FILE} on German credit: exit codes, text and JSON, bad contracts. */
class ValidateCommandTest {
    private static final String DATA = "../examples/german-credit/german_credit.csv";

    @TempDir
    Path dir;

    private Path contract(String text) throws IOException {
        return Files.writeString(dir.resolve("contract.yaml"), text);
    }

    @Test
    void passesWhenEveryExpectationHolds() throws IOException {
        Path c = contract("""
                contract: german credit
                rows: {min: 1000, max: 1000}
                columns:
                  duration: {type: integer, nullable: false, min: 4, max: 72}
                  class: {allowed: [good, bad]}
                  purpose: {regex: '^[a-z/ ]+$', min_length: 3, max_length: 30}
                """);
        CliRun run = CliRun.of("validate", DATA, "--contract", c.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).startsWith("Contract 'german credit' on german_credit.csv (1000 rows): all 7 expectations hold")
                .contains("pass  duration:range: 4 <= duration <= 72; unexpected 0 of 1000");
    }

    @Test
    void failsWithCountsSharesAndSampleRows() throws IOException {
        Path c = contract("""
                columns:
                  age: {min: 20, max: 70}
                  credit_amount: {unique: true, mostly: 0.8}
                  checking_status: {allowed: ['<0', '0<=X<200'], mostly: 0.6}
                """);
        CliRun run = CliRun.of("validate", DATA, "--contract", c.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("passed").asBoolean()).isFalse();
        assertThat(root.get("failed").asInt()).isEqualTo(2);
        JsonNode age = root.get("expectations").get(0);
        assertThat(age.get("id").asText()).isEqualTo("age:range");
        // pandas: ((df.age < 20) | (df.age > 70)).sum() == 8; credit_amount.duplicated(keep=False).mean() == 0.153;
        // checking_status.isin(['<0', '0<=X<200']).mean() == 0.543
        assertThat(age.get("unexpected_count").asInt()).isEqualTo(8);
        assertThat(age.get("unexpected_share").asDouble()).isEqualTo(0.008);
        assertThat(age.get("sample_rows").get(0).asText()).matches("row \\d+ \\(line \\d+\\): '\\d+'");
        JsonNode amount = root.get("expectations").get(1);
        assertThat(amount.get("passed").asBoolean()).isTrue();
        assertThat(amount.get("mostly").asDouble()).isEqualTo(0.8);
        assertThat(amount.get("unexpected_share").asDouble()).isEqualTo(0.153);
        assertThat(root.get("expectations").get(2).get("passed").asBoolean()).isFalse();
        CliRun text = CliRun.of("validate", DATA, "--contract", c.toString());
        assertThat(text.out()).contains("2 of 3 expectations fail").contains("FAIL  age:range: 20 <= age <= 70; unexpected 8 of 1000 (0.8%)")
                .contains("e.g. row ");
    }

    @Test
    void badInputExitsTwoWithFileAndLine() throws IOException {
        Path c = contract("""
                columns:
                  age:
                    min: 20
                    mostyl: 0.9
                """);
        CliRun run = CliRun.of("validate", DATA, "--contract", c.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("contract.yaml line 4").contains("Did you mean 'mostly'?");
        CliRun unknown = CliRun.of("validate", DATA, "--contract", contract("columns: {agee: {min: 1}}").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'agee'").contains("age");
        CliRun empty = CliRun.of("validate", DATA, "--contract", contract("").toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("the file is empty");
        CliRun noData = CliRun.of("validate", dir.resolve("none.csv").toString(), "--contract", contract("rows: {min: 1}").toString());
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).doesNotContain("Exception");
    }
}
