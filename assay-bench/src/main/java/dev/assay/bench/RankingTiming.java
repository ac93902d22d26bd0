package dev.assay.bench;

import dev.assay.core.ranking.CatalogueMetrics;
import dev.assay.core.ranking.RankedQuery;
import dev.assay.core.ranking.RankingOrder;
import dev.assay.core.ranking.RelevanceMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Ranking metrics over USERS users with CANDIDATES candidates each (default 1,000,000 x 100), drawn per user
 * with a seeded generator: scores uniform in [0, 1) rounded to 1/1000 (so ties occur), items from a
 * catalogue of 10,000, relevance 0 (85%), 1, 2 or 3. Each user's candidates are ordered by
 * {@link RankingOrder} (the top K selected by {@link RankedQuery}) and fed to {@link RelevanceMetrics} (NDCG@K and MAP@K with the other relevance
 * metrics) and, in a second run, also to {@link CatalogueMetrics}. Prints the time to draw the data alone
 * and the time of each run minus it, wall-clock and CPU time of the thread.
 *
 * <p>Usage: {@code RankingTiming [USERS] [CANDIDATES] [K]}
 */
public final class RankingTiming {
    private static final int CATALOGUE = 10_000;

    private RankingTiming() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int candidates = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        for (int round = 0; round < 3; round++) {
            double[] draw = run(users, candidates, k, 0);
            double[] relevance = run(users, candidates, k, 1);
            double[] all = run(users, candidates, k, 2);
            System.out.printf(Locale.ROOT, "round %d: %,d users x %d candidates: drawing %.2f s (cpu %.2f s); ordering + NDCG@%d, "
                    + "MAP@%d (and P, R, hit rate, MRR) %.2f s (cpu %.2f s); with the catalogue measures %.2f s (cpu %.2f s)%n",
                    round + 1, users, candidates, draw[0], draw[1], k, k, relevance[0] - draw[0], relevance[1] - draw[1],
                    all[0] - draw[0], all[1] - draw[1]);
        }
    }

    /**
     * Wall and CPU seconds of one pass (CPU time shows the work on a shared machine); mode 0 draws only,
     * 1 adds the relevance metrics, 2 the catalogue measures too.
     */
    private static double[] run(int users, int candidates, int k, int mode) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(7);
        double[] score = new double[candidates];
        int[] item = new int[candidates];
        double[] relevance = new double[candidates];
        int[] rows = new int[candidates];
        RankedQuery ranked = new RankedQuery(k);
        int[] top = new int[k];
        RelevanceMetrics metrics = new RelevanceMetrics(k);
        CatalogueMetrics catalogue = new CatalogueMetrics(k, new long[CATALOGUE], users, null);
        double check = 0;
        for (int u = 0; u < users; u++) {
            int offset = random.nextInt(CATALOGUE);
            for (int j = 0; j < candidates; j++) {
                score[j] = Math.floor(random.nextDouble() * 1000) / 1000;
                item[j] = (offset + 101 * j) % CATALOGUE;
                double x = random.nextDouble();
                relevance[j] = x < 0.85 ? 0 : x < 0.95 ? 1 : x < 0.99 ? 2 : 3;
                rows[j] = j;
            }
            if (mode == 0) {
                check += score[0] + relevance[0];
                continue;
            }
            ranked.rank(rows, 0, candidates, score, item, relevance);
            metrics.add(ranked);
            if (mode == 2) {
                for (int j = 0; j < ranked.shown(); j++) {
                    top[j] = item[ranked.topRow(j)];
                }
                catalogue.add(top, ranked.shown());
            }
        }
        double[] seconds = {(System.nanoTime() - t0) / 1e9, (threads.getCurrentThreadCpuTime() - c0) / 1e9};
        if (mode > 0) {
            System.out.printf(Locale.ROOT, "  ndcg@%d %.4f, map@%d %.4f, mrr %.4f%s%n", k, metrics.ndcg(), k, metrics.map(), metrics.mrr(),
                    mode == 2 ? String.format(Locale.ROOT, ", coverage@%d %.4f, personalisation@%d %.4f", k, catalogue.coverage(),
                            k, catalogue.personalisation()) : "");
        } else if (check < 0) {
            System.out.println(check);
        }
        return seconds;
    }
}
