package dev.assay.bench;

import dev.assay.core.data.Column;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.io.DataReader;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures what a loaded {@link Frame} costs on the heap (every object reachable from it, by JOL)
 * and of its numeric columns alone, against the raw bytes of the numeric values (8 bytes a value),
 * and the load time.
 *
 * <p>Usage: {@code FrameMemory FILE}
 */
public final class FrameMemory {
    private FrameMemory() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        Frame frame = new DataReader().read(file, "current").frame();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long numericBytes = 0;
        for (Column c : frame.columns()) {
            if (c instanceof NumericColumn) {
                numericBytes += 8L * c.size();
            }
        }
        long heap = GraphLayout.parseInstance(frame).totalSize();
        long numericHeap = GraphLayout.parseInstance(frame.columns().stream()
                .filter(NumericColumn.class::isInstance).toArray()).totalSize();
        System.out.printf(Locale.ROOT, "%s: %d rows x %d columns loaded in %.3f s%n", file, frame.rowCount(),
                frame.columnCount(), seconds);
        for (Column c : frame.columns()) {
            System.out.printf(Locale.ROOT, "  %-10s %s%n", c.name(), c.type().id());
        }
        System.out.printf(Locale.ROOT, "numeric columns: heap bytes=%d raw bytes=%d ratio=%.3f%n", numericHeap,
                numericBytes, (double) numericHeap / numericBytes);
        System.out.printf(Locale.ROOT, "whole frame: heap bytes=%d (ratio to numeric raw bytes %.3f)%n", heap,
                (double) heap / numericBytes);
    }
}
