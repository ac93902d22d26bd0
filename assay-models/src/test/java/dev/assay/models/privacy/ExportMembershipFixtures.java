package dev.assay.models.privacy;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Frame;
import dev.assay.core.model.ClassPredictions;
import dev.assay.models.training.ExampleData;
import dev.assay.models.tribuo.TribuoModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Writes {@code assay-core/src/test/resources/golden/privacy/membership_<model>.csv}: for every training row
 * ({@code member = 1}) and held-out row ({@code member = 0}) of German credit, the index of its true class and the
 * model's class probabilities ({@code p0}, {@code p1}, in the model's class order), for the deep forest and the
 * logistic regression of {@link MembershipModels}. {@code scripts/golden/privacy_golden.py} computes the reference
 * attack results from these files. Run from the repository root after {@code mvn -pl assay-models test-compile}.
 */
public final class ExportMembershipFixtures {

    private ExportMembershipFixtures() {
    }

    public static void main(String[] args) throws IOException {
        MembershipModels models = new MembershipModels();
        Path out = ExampleData.repositoryRoot().resolve("assay-core/src/test/resources/golden/privacy");
        write(out.resolve("membership_deep_forest.csv"), models.deepForest, models);
        write(out.resolve("membership_logistic.csv"), models.logistic, models);
    }

    static void write(Path file, Model<Label> model, MembershipModels m) throws IOException {
        StringBuilder sb = new StringBuilder("member,label_index,p0,p1\n");
        append(sb, 1, model, m.train);
        append(sb, 0, model, m.test);
        Files.writeString(file, sb.toString());
    }

    private static void append(StringBuilder sb, int member, Model<Label> model, Frame frame) {
        ClassPredictions p = (ClassPredictions) TribuoModel.of("model", model).predict(frame);
        CategoricalColumn label = (CategoricalColumn) frame.column("class");
        for (int r = 0; r < p.rows(); r++) {
            sb.append(member).append(',').append(p.classes().indexOf(label.get(r)));
            for (int c = 0; c < p.classes().size(); c++) {
                sb.append(',').append(String.format(Locale.ROOT, "%.17g", p.probability(r, c)));
            }
            sb.append('\n');
        }
    }
}
