package dev.assay.core.anonymity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The smallest combinations of quasi-identifiers whose equivalence classes are smaller than k, found level by level
 * as in the Apriori algorithm: a set of columns that breaks k is reported and never extended (its supersets split
 * its classes further, so they break k too and are not minimal); a candidate of size s + 1 is grouped only when
 * every subset of size s keeps k.
 */
final class BreakingCombinations {
    private BreakingCombinations() {
    }

    /** The minimal breaking combinations, as lists of column indices, by size then column order. */
    static List<int[]> find(CodedColumns coded, int k) {
        int n = coded.names().size();
        if (n > 62) {
            throw new IllegalArgumentException("at most 62 quasi-identifiers, found " + n);
        }
        List<int[]> breaking = new ArrayList<>();
        List<Long> level = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            level.add(1L << j);
        }
        while (!level.isEmpty()) {
            Set<Long> keeping = new HashSet<>();
            for (long set : level) {
                if (EquivalenceClasses.of(coded, columns(set)).smallest() < k) {
                    breaking.add(columns(set));
                } else {
                    keeping.add(set);
                }
            }
            level = next(keeping, n);
        }
        breaking.sort(Comparator.comparingInt((int[] c) -> c.length).thenComparing(Arrays::compare));
        return breaking;
    }

    /** The sets one column larger whose every subset one column smaller is in {@code keeping}, in ascending order. */
    private static List<Long> next(Set<Long> keeping, int n) {
        Set<Long> out = new TreeSet<>();
        for (long set : keeping) {
            for (int j = 63 - Long.numberOfLeadingZeros(set) + 1; j < n; j++) {
                long candidate = set | (1L << j);
                if (allSubsetsKeep(candidate, keeping)) {
                    out.add(candidate);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean allSubsetsKeep(long set, Set<Long> keeping) {
        for (long rest = set; rest != 0; rest &= rest - 1) {
            if (!keeping.contains(set & ~Long.lowestOneBit(rest))) {
                return false;
            }
        }
        return true;
    }

    private static int[] columns(long set) {
        int[] out = new int[Long.bitCount(set)];
        int i = 0;
        for (long rest = set; rest != 0; rest &= rest - 1) {
            out[i++] = Long.numberOfTrailingZeros(rest);
        }
        return out;
    }
}
