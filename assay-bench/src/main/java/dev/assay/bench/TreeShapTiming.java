package dev.assay.bench;

import dev.assay.core.data.CategoricalColumn;
import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.explain.Background;
import dev.assay.core.explain.Explanation;
import dev.assay.core.explain.tree.TreeEnsemble;
import dev.assay.core.explain.tree.TreeShap;
import dev.assay.core.model.FeatureMapping;
import dev.assay.io.DataReader;
import dev.assay.models.tribuo.TribuoFeatures;
import dev.assay.models.tribuo.TribuoModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * TreeSHAP timing: trains a Tribuo random forest of TREES CART trees of depth DEPTH (feature fraction 0.5,
 * seed 42) on every row of the data (label LABEL, numeric columns as numbers, categorical ones one-hot),
 * then explains the first ROWS rows path-dependently (covers counted on all rows) and interventionally
 * against a seeded sample of BACKGROUND rows. Prints wall and process CPU times (the machine may be shared) and
 * the largest additivity error.
 *
 * <p>Usage: {@code TreeShapTiming DATA.csv LABEL [ROWS] [TREES] [DEPTH] [BACKGROUND] [DROPPED_COLUMN...]}
 */
public final class TreeShapTiming {
    private TreeShapTiming() {
    }

    public static void main(String[] args) {
        Frame data = new DataReader().read(Path.of(args[0]), "data").frame();
        String label = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int trees = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        int background = args.length > 5 ? Integer.parseInt(args[5]) : 100;
        List<String> dropped = args.length > 6 ? Arrays.asList(args).subList(6, args.length) : List.of();
        long t0 = System.nanoTime();
        TribuoModel model = TribuoModel.of("forest", train(data, label, dropped, trees, depth));
        System.out.printf(Locale.ROOT, "trained %d trees of depth %d on %d rows in %.2f s%n", trees, depth, data.rowCount(),
                seconds(t0));
        Frame explained = data.slice(IntStream.range(0, Math.min(rows, data.rowCount())).toArray());
        double[] ones = new double[data.rowCount()];
        Arrays.fill(ones, 1);
        TreeEnsemble ensemble = model.trees().orElseThrow().withCovers(data, ones);
        for (int run = 0; run < 3; run++) {
            long t1 = System.nanoTime();
            long c1 = cpu();
            Explanation path = TreeShap.explain(ensemble, explained, null);
            double pathSeconds = seconds(t1);
            double pathCpu = (cpu() - c1) / 1e9;
            long t2 = System.nanoTime();
            long c2 = cpu();
            Explanation interventional = TreeShap.explain(ensemble, explained, Background.sample(data, background, 1));
            double interventionalSeconds = seconds(t2);
            double interventionalCpu = (cpu() - c2) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d rows, %d features: path-dependent %.2f s wall, %.2f s CPU (additivity %.1e);"
                    + " interventional with %d background rows %.2f s wall, %.2f s CPU (additivity %.1e)%n", run + 1,
                    explained.rowCount(), path.features().size(), pathSeconds, pathCpu, additivity(path), background,
                    interventionalSeconds, interventionalCpu, additivity(interventional));
        }
    }

    /** The CPU time of the whole process so far, in nanoseconds (all threads, JIT and GC included). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double additivity(Explanation e) {
        return e.rows().stream().mapToDouble(r -> Math.abs(r.base() + r.sum() - r.output())).max().orElse(0);
    }

    private static Model<Label> train(Frame data, String label, List<String> dropped, int trees, int depth) {
        List<FeatureMapping.Feature> features = new ArrayList<>();
        for (Column c : data.columns()) {
            if (c.name().equals(label) || dropped.contains(c.name())) {
                continue;
            }
            if (c instanceof NumericColumn) {
                features.add(FeatureMapping.Feature.numeric(c.name()));
            } else if (c instanceof CategoricalColumn cat) {
                features.add(FeatureMapping.Feature.oneHot(c.name(), cat.levels()));
            }
        }
        FeatureMapping mapping = new FeatureMapping(features);
        FeatureMapping.Bound bound = mapping.bind(data, "forest");
        double[] inputs = new double[data.rowCount() * bound.width()];
        bound.fill(0, data.rowCount(), inputs);
        CategoricalColumn y = (CategoricalColumn) data.column(label);
        List<Label> labels = new ArrayList<>();
        for (int r = 0; r < data.rowCount(); r++) {
            labels.add(new Label(y.get(r)));
        }
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> source = new ListDataSource<>(TribuoFeatures.examples(labels,
                mapping.inputNames().toArray(String[]::new), inputs, data.rowCount(), bound.width()), factory,
                new SimpleDataSourceProvenance("timing data", factory));
        CARTClassificationTrainer tree = new CARTClassificationTrainer(depth, 0.5f, 42L);
        return new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), trees, 42L).train(new MutableDataset<>(source));
    }
}
