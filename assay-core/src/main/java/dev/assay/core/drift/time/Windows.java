package dev.assay.core.drift.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Cuts rows into time windows ({@link WindowSpec}), in time order; empty calendar windows are left out. */
public final class Windows {
    private Windows() {
    }

    /**
     * One window.
     *
     * @param label the window's name: {@code 2014-07-01} (day), {@code 2014-06-30} (week, its Monday),
     *     {@code 2014-07} (month), {@code rows 1-100} (rows)
     * @param start the first instant of the window (rows: the earliest time in it)
     * @param rows the rows in it, in file order (rows: in time order)
     */
    public record Window(String label, LocalDateTime start, int[] rows) {
    }

    public static List<Window> split(LocalDateTime[] times, WindowSpec spec) {
        if (spec.unit() == WindowSpec.Unit.ROWS) {
            Integer[] order = IntStream.range(0, times.length).boxed().toArray(Integer[]::new);
            java.util.Arrays.sort(order, Comparator.comparing(i -> times[i]));
            List<Window> out = new ArrayList<>();
            for (int from = 0; from < order.length; from += spec.rows()) {
                int to = Math.min(order.length, from + spec.rows());
                int[] rows = new int[to - from];
                for (int i = from; i < to; i++) {
                    rows[i - from] = order[i];
                }
                out.add(new Window("rows " + (from + 1) + "-" + to, times[rows[0]], rows));
            }
            return out;
        }
        TreeMap<LocalDate, List<Integer>> byStart = new TreeMap<>();
        for (int row = 0; row < times.length; row++) {
            byStart.computeIfAbsent(start(times[row].toLocalDate(), spec.unit()), k -> new ArrayList<>()).add(row);
        }
        List<Window> out = new ArrayList<>();
        byStart.forEach((start, rows) -> out.add(new Window(spec.unit() == WindowSpec.Unit.MONTHLY ? start.toString().substring(0, 7)
                : start.toString(), start.atStartOfDay(), rows.stream().mapToInt(Integer::intValue).toArray())));
        return out;
    }

    private static LocalDate start(LocalDate day, WindowSpec.Unit unit) {
        switch (unit) {
            case WEEKLY:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY:
                return day.withDayOfMonth(1);
            default:
                return day;
        }
    }
}
