package dev.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {

    /** A check that ends in a fixed status, or breaks its contract by throwing. */
    record FixedCheck(String name, Status status) implements Check {
        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public List<Condition> conditions() {
            return List.of();
        }

        @Override
        public CheckResult run(CheckContext context) {
            if (status == null) {
                throw new IllegalStateException("broken check");
            }
            return new CheckResult(name, kind(), status, null, List.of(), List.of(), List.of(), List.of(), List.of(), Duration.ZERO);
        }
    }

    private static final Provenance PROVENANCE = new Provenance("test", Instant.EPOCH, List.of(), Map.of(), Map.of(), Map.of());

    private static SuiteResult run(Status... statuses) {
        List<Check> checks = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            checks.add(new FixedCheck("check " + i, statuses[i]));
        }
        CheckContext context = new CheckContext(Dataset.of("current", Frame.of(NumericColumn.of("x", 1)), Schema.empty()), null);
        return new SuiteRunner(2).run(new Suite("s", "", checks), context, PROVENANCE);
    }

    @Test
    void overallStatusIsTheWorstIgnoringSkipped() {
        assertThat(run(Status.PASS, Status.SKIPPED).status()).isEqualTo(Status.PASS);
        assertThat(run(Status.PASS, Status.WARN, Status.SKIPPED).status()).isEqualTo(Status.WARN);
        assertThat(run(Status.WARN, Status.FAIL, Status.PASS).status()).isEqualTo(Status.FAIL);
        assertThat(run(Status.FAIL, Status.ERROR).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aCheckThatThrowsBecomesErrorAndTheOthersStillRunInOrder() {
        SuiteResult r = run(Status.PASS, null, Status.FAIL);
        assertThat(r.checks()).extracting(CheckResult::name).containsExactly("check 0", "check 1", "check 2");
        assertThat(r.checks()).extracting(CheckResult::status).containsExactly(Status.PASS, Status.ERROR, Status.FAIL);
        assertThat(r.checks().get(1).message()).contains("broken check");
        assertThat(r.counts()).containsEntry(Status.ERROR, 1).containsEntry(Status.PASS, 1).containsEntry(Status.FAIL, 1);
    }
}
