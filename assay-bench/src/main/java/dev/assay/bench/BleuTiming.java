package dev.assay.bench;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.text.Bleu;
import dev.assay.core.text.Chrf;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Corpus BLEU (sacreBLEU defaults: 13a tokens, exp smoothing) and corpus chrF of sentence pairs cut from the
 * SpamAssassin corpus: the words of all messages in a row, reference i the 20 words from word 8i and
 * hypothesis i the 20 words from word 8i + 2 (an overlapping, shifted window, so every n-gram order matches in
 * part). Prints wall-clock and thread CPU time of three runs each (CPU time is what a loaded machine does not inflate).
 *
 * <p>Usage: {@code BleuTiming spam_assassin.csv [PAIRS (default 100000)]}
 */
public final class BleuTiming {
    private static final int WINDOW = 20;
    private static final int STRIDE = 8;
    private static final int SHIFT = 2;

    private BleuTiming() {
    }

    public static void main(String[] args) {
        Frame frame = new DataReader().read(Path.of(args[0]), "current").frame();
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Column text = frame.column("text");
        List<String> words = new ArrayList<>();
        for (int r = 0; r < frame.rowCount(); r++) {
            words.addAll(Arrays.asList(text.format(r).split(" ")));
        }
        List<String> refs = new ArrayList<>(pairs);
        List<String> hyps = new ArrayList<>(pairs);
        for (int i = 0; refs.size() < pairs; i++) {
            int start = (i * STRIDE) % (words.size() - WINDOW - SHIFT);
            refs.add(String.join(" ", words.subList(start, start + WINDOW)));
            hyps.add(String.join(" ", words.subList(start + SHIFT, start + SHIFT + WINDOW)));
        }
        System.out.printf(Locale.ROOT, "%d pairs of %d words from %d corpus words%n", pairs, WINDOW, words.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            double bleu = Bleu.defaults().corpusSingle(hyps, refs).score();
            double bleuSeconds = (System.nanoTime() - t0) / 1e9;
            double bleuCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            t0 = System.nanoTime();
            c0 = threads.getCurrentThreadCpuTime();
            double chrf = Chrf.defaults().corpusSingle(hyps, refs);
            double chrfSeconds = (System.nanoTime() - t0) / 1e9;
            double chrfCpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: corpus BLEU %.4f in %.2f s (CPU %.2f s); corpus chrF %.4f in %.2f s (CPU %.2f s)%n",
                    run, bleu, bleuSeconds, bleuCpu, chrf, chrfSeconds, chrfCpu);
            System.out.flush();
        }
    }
}
