package dev.assay.bench;

import dev.assay.core.data.Frame;
import dev.assay.core.model.Model;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import dev.assay.core.privacy.membership.AttackResult;
import dev.assay.core.privacy.membership.MembershipInference;
import dev.assay.core.privacy.membership.MembershipSignal;
import dev.assay.core.privacy.membership.ThresholdAttack;
import dev.assay.core.progress.Progress;
import dev.assay.io.DataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Membership-inference timing: the first ROWS rows of DATA, the first half as members and the rest as non-members
 * (the timing does not depend on which rows the model saw), attacked with all three signals through
 * {@link MembershipInference} (predictions included), then {@link ThresholdAttack} alone on the loss scores, REPEATS
 * times (median). Writes the scores to SCORES_CSV for the scikit-learn comparison.
 *
 * <p>Usage: {@code MembershipTiming MODEL DATA LABEL SCORES_CSV [ROWS] [REPEATS]}
 */
public final class MembershipTiming {
    private static final double[] TARGETS = {0.01, 0.001};

    private MembershipTiming() {
    }

    public static void main(String[] args) throws IOException {
        Frame all = new DataReader().read(Path.of(args[1]), "data").frame();
        String label = args[2];
        int rows = Math.min(all.rowCount(), args.length > 4 ? Integer.parseInt(args[4]) : 30_000);
        int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        Frame members = all.slice(IntStream.range(0, rows / 2).toArray());
        Frame nonMembers = all.slice(IntStream.range(rows / 2, rows).toArray());
        try (Model model = ModelLoaders.load(new ModelSource(args[0], null, Map.of(), List.of()))) {
            long t0 = System.nanoTime();
            List<AttackResult> results = new MembershipInference(model, label).run(members, nonMembers,
                    Arrays.asList(MembershipSignal.values()), TARGETS, 1e-5, 0.95, Progress.NONE);
            System.out.printf(Locale.ROOT, "membership inference, %d rows, 3 attacks, predictions included: %.3f s%n", rows,
                    (System.nanoTime() - t0) / 1e9);
            results.forEach(r -> System.out.printf(Locale.ROOT, "  %s: auc %.4f advantage %.4f epsilon >= %.4f%n",
                    r.signal().id(), r.auc(), r.advantage(), r.epsilonLowerBound()));
        }
        double[] m = new double[rows / 2];
        double[] n = new double[rows - rows / 2];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        StringBuilder csv = new StringBuilder("member,score\n");
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.rint(Math.log(random.nextDouble(0.2, 1)) * 1e12) / 1e12;
            csv.append("1,").append(m[i]).append('\n');
        }
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.rint(Math.log(random.nextDouble(0.1, 1)) * 1e12) / 1e12;
            csv.append("0,").append(n[i]).append('\n');
        }
        Files.writeString(Path.of(args[3]), csv);
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            ThresholdAttack.evaluate(MembershipSignal.LOSS, m, n, TARGETS, 1e-5, 0.95);
            seconds[r] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "attack on %d distinct scores (AUC, advantage, TPR at FPR with intervals, epsilon bound):"
                + " median %.4f s of %d%n", rows, seconds[repeats / 2], repeats);
    }
}
