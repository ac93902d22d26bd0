package dev.assay.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.error.InvalidInputException;
import dev.assay.core.ranking.RankingColumns;
import dev.assay.core.ranking.RankingEvaluation;
import dev.assay.core.ranking.RankingResult;
import dev.assay.io.DataReader;
import dev.assay.io.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code assay evaluate --task ranking} and its run: ranking metrics of a long-format table
 * (one row per query and item) by {@link RankingEvaluation}, printed as text or as JSON with a {@code metrics}
 * member keyed by metric id.
 */
final class RankingOptions {
    static final String TASK = "ranking";

    @Option(names = "--query", paramLabel = "COL", description = "Ranking: column naming each row's query or user.")
    String query;

    @Option(names = "--item", paramLabel = "COL", description = "Ranking: column naming each row's item.")
    String item;

    @Option(names = "--relevance", paramLabel = "COL", description = "Ranking: column of graded relevance (0 = not relevant).")
    String relevance;

    @Option(names = "--rank", paramLabel = "COL", description = "Ranking: column of ranks (1 first), instead of --score.")
    String rank;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Ranking: the cutoff (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--item-features", paramLabel = "COL", split = ",",
            description = "Ranking: numeric item feature columns, for intra_list_diversity@k.")
    List<String> features = new ArrayList<>();

    /** Whether {@code task} asks for a ranking evaluation. */
    static boolean asked(String task) {
        return TASK.equalsIgnoreCase(task);
    }

    /** Rejects ranking options given to another task. */
    void rejectOutsideRanking() {
        if (query != null || item != null || relevance != null || rank != null) {
            throw new InvalidInputException("--query, --item, --relevance and --rank describe a ranking table; add --task ranking.");
        }
    }

    /** Evaluates the rankings in {@code data}, ordered by {@code score} or --rank, and prints them. */
    int evaluate(Path data, String score, ReadOptions options, boolean json, PrintWriter out) {
        if (k < 1 || k > 100_000) {
            throw new InvalidInputException("--k must be a whole number from 1 to 100000, found " + k + ".");
        }
        for (String[] required : new String[][] {{"--query", query}, {"--item", item}, {"--relevance", relevance}}) {
            if (required[1] == null) {
                throw new InvalidInputException("--task ranking needs " + required[0] + " COL (and --query, --item, --relevance, "
                        + "--score or --rank).");
            }
        }
        List<String> columns = new ArrayList<>(Arrays.asList(query, item, score, rank, relevance));
        columns.addAll(features);
        ReadOptions read = options.withOnlyColumns(columns);
        RankingResult r = RankingEvaluation.of(new DataReader().read(data, "current", read).frame(),
                new RankingColumns(query, item, score, rank, relevance, features, k));
        if (json) {
            out.println(toJson(r));
        } else {
            out.printf(Locale.ROOT, "ranking evaluation of %s (%d rows, %d queries, %d items)%n", data, r.rows(), r.queries(), r.items());
            out.println("  note: per query, then the mean over queries; ties by descending item id; relevant means relevance > 0.");
            if (r.queriesWithoutRelevant() > 0) {
                out.println("  note: " + r.queriesWithoutRelevant() + " queries have no relevant item and score 0.");
            }
            out.println();
            int width = r.metrics().keySet().stream().mapToInt(String::length).max().orElse(10);
            for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", e.getKey(),
                        Double.isNaN(e.getValue()) ? "undefined" : Format.number(e.getValue()));
            }
        }
        return ExitCode.PASS;
    }

    private static String toJson(RankingResult r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("task", TASK);
        root.put("rows", r.rows());
        root.put("queries", r.queries());
        root.put("queries_without_relevant", r.queriesWithoutRelevant());
        root.put("items", r.items());
        ObjectNode metrics = root.putObject("metrics");
        r.metrics().forEach((id, v) -> {
            if (Double.isNaN(v)) {
                metrics.putNull(id);
            } else {
                metrics.put(id, v);
            }
        });
        ObjectNode curves = root.putObject("curves");
        double[] p = r.precisionCurve();
        double[] rc = r.recallCurve();
        curves.putPOJO("precision", p);
        curves.putPOJO("recall", rc);
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
