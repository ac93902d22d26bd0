package dev.assay.cli;

import dev.assay.core.concurrent.DaemonThreads;
import dev.assay.core.progress.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-line progress display on standard error, redrawn in place twice a second, e.g.
 * {@code [3/12] checks, 4 s: Cost of credit decisions}. It appears only once the work has taken half
 * a second, is cleared when the work ends, and exists only when the command runs in a terminal and
 * not under CI ({@link #forTerminal}); elsewhere the output stays clean.
 */
final class TerminalProgress implements Progress {
    private static final long DELAY_MS = 500;
    private static final int WIDTH = 78;

    private final PrintWriter err;
    private ScheduledExecutorService timer;
    private String task;
    private int total;
    private int done;
    private String last;
    private long start;
    private boolean shown;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** A display on {@code err} when this process writes to a terminal and the CI variable is unset; else {@link Progress#NONE}. */
    static Progress forTerminal(PrintWriter err) {
        String ci = System.getenv("CI");
        boolean terminal = System.console() != null && (ci == null || ci.isBlank() || ci.equalsIgnoreCase("false"));
        return terminal ? new TerminalProgress(err) : Progress.NONE;
    }

    @Override
    public synchronized void begin(String task, int total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.last = null;
        this.start = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("assay-progress"));
        timer.scheduleAtFixedRate(this::draw, DELAY_MS, DELAY_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void advance(String item) {
        done++;
        last = item;
    }

    @Override
    public synchronized void end() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH) + "\r");
            err.flush();
            shown = false;
        }
    }

    private synchronized void draw() {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        String line = total > 0
                ? String.format(Locale.ROOT, "[%d/%d] %s, %d s%s", done, total, task, seconds, last == null ? "" : ": " + last)
                : String.format(Locale.ROOT, "%s, %d s ...", task, seconds);
        line = line.length() > WIDTH ? line.substring(0, WIDTH - 3) + "..." : line;
        err.print("\r" + line + " ".repeat(WIDTH - line.length()));
        err.flush();
        shown = true;
    }
}
