package dev.assay.core.resample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real data sets of the resampling goldens: feature rows (as text) and the label, last column. */
record ResampleData(List<String> columns, String[][] cells, String[] labels) {

    static ResampleData pima() {
        return resource("/integrity/pima_diabetes.csv");
    }

    static ResampleData breastCancer() {
        return resource("/integrity/breast_cancer.csv");
    }

    static ResampleData wine() {
        return resource("/golden/resample/wine.csv");
    }

    static ResampleData german() {
        try {
            return parse(Files.readString(Path.of("../examples/german-credit/german_credit.csv")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResampleData byName(String name) {
        return switch (name) {
            case "pima" -> pima();
            case "wine" -> wine();
            case "german" -> german();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every feature as a number. */
    double[][] numeric() {
        double[][] x = new double[cells.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = Arrays.stream(cells[i]).mapToDouble(Double::parseDouble).toArray();
        }
        return x;
    }

    private static ResampleData resource(String name) {
        try (InputStream in = ResampleData.class.getResourceAsStream(name)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResampleData parse(String text) {
        String[] lines = text.strip().split("\n");
        List<String> header = List.of(lines[0].split(","));
        List<String[]> rows = new ArrayList<>();
        String[] labels = new String[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",", -1);
            labels[i - 1] = c[c.length - 1];
            rows.add(Arrays.copyOf(c, c.length - 1));
        }
        return new ResampleData(header.subList(0, header.size() - 1), rows.toArray(new String[0][]), labels);
    }
}
