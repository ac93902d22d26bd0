package dev.assay.core.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The latencies of each interval of one or more runs, written as HdrHistogram's interval log
 * ({@link HistogramLogWriter}: a header, then one compressed histogram per line with its start
 * time relative to the log's base time, its length in seconds and its maximum in milliseconds), so
 * runs can be compared later with HdrHistogram's {@code HistogramLogReader} or
 * {@code HistogramLogProcessor}. Values are in nanoseconds.
 */
public final class HistogramLog implements Closeable {
    private final PrintStream out;
    private final HistogramLogWriter writer;

    private HistogramLog(PrintStream out, String comment) {
        this.out = out;
        this.writer = new HistogramLogWriter(out);
        long now = System.currentTimeMillis();
        writer.outputComment(comment);
        writer.outputComment("Latencies in nanoseconds; the Interval_Max column in milliseconds");
        writer.outputLogFormatVersion();
        writer.outputStartTime(now);
        writer.setBaseTime(now);
        writer.outputLegend();
    }

    /** Creates (or replaces) {@code file} and writes the log's header. */
    public static HistogramLog create(Path file, String comment) throws IOException {
        return new HistogramLog(new PrintStream(Files.newOutputStream(file), false, "UTF-8"), comment);
    }

    /** A sink that writes each interval histogram it is given with {@code tag} (null for none). */
    public Consumer<Histogram> tagged(String tag) {
        return h -> write(h, tag);
    }

    private synchronized void write(Histogram interval, String tag) {
        String before = interval.getTag();
        interval.setTag(tag);
        writer.outputIntervalHistogram(interval);
        interval.setTag(before);
    }

    /** Flushes and closes the file. */
    @Override
    public synchronized void close() throws IOException {
        out.close();
        if (out.checkError()) {
            throw new IOException("could not write the histogram log");
        }
    }
}
