package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsCommandTest {

    @Test
    void listsTheCatalogueWithDirectionAndRange() {
        CliRun run = CliRun.of("metrics", "--task", "binary");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("binary:").doesNotContain("regression:")
                .containsPattern("roc_auc\\s+higher\\s+\\[0, 1\\]\\s+area under the ROC curve")
                .containsPattern("log_loss\\s+lower\\s+\\[0, inf\\]");
        assertThat(CliRun.of("metrics").out()).contains("binary:", "multiclass:", "regression:", "median_absolute_error");
        assertThat(CliRun.of("metrics", "--task", "ranking").exitCode()).isEqualTo(2);
    }
}
