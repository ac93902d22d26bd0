package dev.assay.models.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.privacy.membership.AttackResult;
import dev.assay.core.privacy.membership.MembershipInference;
import dev.assay.core.privacy.membership.MembershipSignal;
import dev.assay.core.progress.Progress;
import dev.assay.models.tribuo.TribuoModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Membership inference on real Tribuo models of German credit: the fully grown forest memorised its training rows
 * and the attack shows it; the logistic regression did not. Also checks that retraining gives the probabilities
 * in the golden fixtures ({@link ExportMembershipFixtures}), so the fixtures stay those of these models.
 */
class MembershipInferenceModelsTest {
    private static final double[] TARGETS = {0.01, 0.001};
    private static MembershipModels models;

    @BeforeAll
    static void train() {
        models = new MembershipModels();
    }

    @Test
    void theAttackSeparatesTheOverfitForestFromTheLogisticRegression() {
        AttackResult forest = attack(TribuoModel.of("deep forest", models.deepForest)).get(0);
        AttackResult logistic = attack(TribuoModel.of("logistic", models.logistic)).get(0);
        assertThat(forest.members()).isEqualTo(700);
        assertThat(forest.nonMembers()).isEqualTo(300);
        assertThat(forest.auc()).isGreaterThan(0.7);
        assertThat(logistic.auc()).isLessThan(0.56);
        assertThat(forest.advantage()).isGreaterThan(0.35);
        assertThat(logistic.advantage()).isLessThan(0.12);
        assertThat(forest.epsilonLowerBound()).isGreaterThan(2);
        assertThat(logistic.epsilonLowerBound()).isLessThan(0.2);
    }

    @Test
    void retrainingReproducesTheGoldenFixtures() throws IOException {
        Path dir = Path.of("..", "assay-core", "src", "test", "resources", "golden", "privacy");
        for (String name : List.of("deep_forest", "logistic")) {
            Path fixture = dir.resolve("membership_" + name + ".csv");
            Path fresh = Files.createTempFile("membership", ".csv");
            try {
                ExportMembershipFixtures.write(fresh, name.equals("logistic") ? models.logistic : models.deepForest, models);
                assertThat(Files.readString(fresh)).as(name).isEqualTo(Files.readString(fixture));
            } finally {
                Files.delete(fresh);
            }
        }
    }

    @Test
    void aDataSetWithOtherColumnsIsRefusedBeforeTheModelRuns() {
        MembershipInference mia = new MembershipInference(TribuoModel.of("logistic", models.logistic), "class");
        assertThatThrownBy(() -> mia.run(models.train, models.test.select(List.of("class", "age")), List.of(MembershipSignal.LOSS),
                TARGETS, 0, 0.95, Progress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must have the same columns").hasMessageContaining("only in the training data [");
    }

    private static List<AttackResult> attack(TribuoModel model) {
        return new MembershipInference(model, "class").run(models.train, models.test, List.of(MembershipSignal.LOSS), TARGETS, 1e-5,
                0.95, Progress.NONE);
    }
}
