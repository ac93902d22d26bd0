package dev.assay.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.chart.Axis;
import dev.assay.core.chart.BarChart;
import dev.assay.core.chart.Chart;
import dev.assay.core.chart.HeatmapChart;
import dev.assay.core.chart.Series;
import dev.assay.core.chart.XYChart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {

    private static final HeatmapChart CONFUSION = new HeatmapChart("Confusion <matrix>", "Rows are true & columns predicted.",
            "True class", "Predicted class", List.of("cat", "dog", "bird"), List.of("cat", "dog", "bird"),
            new double[][] {{50, 3, 0}, {4, 40, 6}, {1, 2, Double.NaN}});

    private static final XYChart ROC = new XYChart("ROC curve", "", Axis.unit("False positive rate"), Axis.unit("True positive rate"),
            List.of(new Series("chance", new double[] {0, 1}, new double[] {0, 1}, Series.Style.GUIDE),
                    new Series("model", new double[] {0, 0.1, Double.NaN, 0.4, 1}, new double[] {0, 0.6, 0.7, 0.9, 1},
                            Series.Style.LINE)));

    private static final BarChart BARS = new BarChart("Recall by group", "", "Recall", List.of("A", "B", "C"),
            List.of("current", "reference"), List.of(new double[] {0.5, 0.75, Double.NaN}, new double[] {0.6, -0.1, 0.2}));

    @Test
    void everyChartIsSmallAccessibleXmlThatScales() {
        for (Chart chart : List.of(CONFUSION, ROC, BARS, residuals())) {
            String svg = SvgCharts.render(chart);
            Element root = parse(svg);
            assertThat(root.getTagName()).isEqualTo("svg");
            assertThat(root.getAttribute("xmlns")).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(root.getAttribute("viewBox")).matches("0 0 380 \\d+");
            assertThat(root.getAttribute("role")).isEqualTo("img");
            assertThat(root.getAttribute("aria-label")).isEqualTo(chart.title());
            assertThat(root.getFirstChild()).isInstanceOf(Element.class);
            assertThat(((Element) root.getFirstChild()).getTagName()).isEqualTo("title");
            assertThat(root.getFirstChild().getTextContent()).isEqualTo(chart.title());
            assertThat(svg.length()).as(chart.title()).isLessThan(8_000);
            assertThat(svg).doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("<script");
            assertThat(SvgCharts.render(chart)).isEqualTo(svg);
        }
    }

    @Test
    void wholeNumberDataGetWholeNumberTicks() {
        XYChart versions = new XYChart("AUC by version", "", new Axis("version", Double.NaN, Double.NaN), new Axis("AUC", Double.NaN,
                Double.NaN), List.of(new Series("roc_auc", new double[] {1, 2}, new double[] {0.7032, 0.7422}, Series.Style.LINE)));
        List<String> labels = elements(parse(SvgCharts.render(versions)), "text").stream().map(Element::getTextContent).toList();
        assertThat(labels).contains("1", "2").doesNotContain("1.2", "1.5", "1.8");
        // the fractional y values keep their fractional ticks
        assertThat(labels.stream().filter(l -> l.startsWith("0.7"))).isNotEmpty();
    }

    @Test
    void heatmapWritesEveryCellWithAReadableTextColour() {
        Element root = parse(SvgCharts.render(CONFUSION));
        List<Element> cells = elements(root, "rect").subList(1, 10);
        List<Element> texts = elements(root, "text");
        List<String> labels = texts.stream().map(Element::getTextContent).toList();

        assertThat(labels).containsSubsequence("50", "3", "0", "4", "40", "6", "1", "2", "–");
        assertThat(cells.get(0).getAttribute("fill")).isEqualTo("#173782");
        assertThat(cells.get(2).getAttribute("fill")).isEqualTo("#eff6ff");
        assertThat(cells.get(8).getAttribute("fill")).isEqualTo("#f3f4f6");
        assertThat(textFor(texts, "50").getAttribute("fill")).isEqualTo("#fff");
        assertThat(textFor(texts, "3").getAttribute("fill")).isEqualTo(Svg.INK);
        assertThat(labels).contains("Confusion <matrix>", "True class", "Predicted class", "bird");
    }

    @Test
    void xyChartHonoursUnitAxesSkipsNaNAndDrawsGuidesDashed() {
        Element root = parse(SvgCharts.render(ROC));
        List<String> labels = elements(root, "text").stream().map(Element::getTextContent).toList();
        List<Element> paths = elements(root, "path");

        assertThat(labels).containsSubsequence("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(labels).contains("False positive rate", "True positive rate", "chance", "model");
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).getAttribute("stroke-dasharray")).isNotEmpty();
        assertThat(paths.get(1).getAttribute("stroke-dasharray")).isEmpty();
        String d = paths.get(1).getAttribute("d");
        assertThat(d.chars().filter(c -> c == 'M').count()).as("the NaN point breaks the line").isEqualTo(2);
        assertThat(d.chars().filter(c -> c == 'L').count()).isEqualTo(2);
    }

    @Test
    void xyChartWithOneNamedSeriesHasNoLegendAndStepsAreHorizontalThenVertical() {
        XYChart pr = new XYChart("PR", "", Axis.unit("Recall"), Axis.unit("Precision"),
                List.of(new Series("model", new double[] {1, 0.5, 0}, new double[] {0.4, 0.8, 1}, Series.Style.STEP)));
        Element root = parse(SvgCharts.render(pr));

        assertThat(elements(root, "text").stream().map(Element::getTextContent)).doesNotContain("model");
        assertThat(elements(root, "path").get(0).getAttribute("d")).matches("M[\\d.]+ [\\d.]+H[\\d.]+V[\\d.]+H[\\d.]+V[\\d.]+");
    }

    @Test
    void pointsFitAutoAxesToNiceTicks() {
        Element root = parse(SvgCharts.render(residuals()));
        List<String> labels = elements(root, "text").stream().map(Element::getTextContent).toList();

        assertThat(labels).containsSubsequence("-3", "-2", "-1", "0", "1", "2", "3");
        assertThat(labels).containsSubsequence("10", "20", "30", "40", "50");
        String d = elements(root, "path").get(0).getAttribute("d");
        assertThat(d.split("M", -1)).as("three points with finite coordinates").hasSize(4);
        assertThat(d).contains("h0");
    }

    @Test
    void barsCarryTheirValuesAndSkipUndefinedOnes() {
        Element root = parse(SvgCharts.render(BARS));
        List<Element> rects = elements(root, "rect");
        List<Element> bars = rects.stream().filter(r -> r.getElementsByTagName("title").getLength() == 1).toList();
        List<Element> legendSwatches = rects.stream().filter(r -> r.hasAttribute("rx")).toList();
        List<String> labels = elements(root, "text").stream().map(Element::getTextContent).toList();

        assertThat(bars).hasSize(5);
        assertThat(legendSwatches).extracting(r -> r.getAttribute("fill")).containsExactly(Svg.PALETTE[0], Svg.PALETTE[1]);
        assertThat(rects).hasSize(1 + 5 + 2);
        assertThat(bars).extracting(b -> b.getElementsByTagName("title").item(0).getTextContent())
                .containsExactly("current, A: 0.5", "reference, A: 0.6", "current, B: 0.75", "reference, B: -0.1", "reference, C: 0.2");
        assertThat(labels).contains("0.5", "0.6", "0.75", "-0.1", "0.2", "–", "current", "reference", "Recall", "A", "B", "C");
        double zeroY = Double.parseDouble(bars.get(3).getAttribute("y"));
        assertThat(Double.parseDouble(bars.get(0).getAttribute("y"))).isLessThan(zeroY);
    }

    @Test
    void barsWithIntervalsGetAWhiskerFromTheLowerToTheUpperBound() {
        BarChart chart = new BarChart("Selection rate", "", "rate", List.of("A", "B", "C"), List.of("selection rate"),
                List.of(new double[] {0.4, 0.8, 0.5}), List.of(new double[] {0.3, 0.7, Double.NaN}), List.of(new double[] {0.5, 0.95, Double.NaN}));
        String svg = SvgCharts.render(chart);
        Element root = parse(svg);
        List<Element> whiskers = elements(root, "g").stream().filter(g -> g.getAttribute("class").equals("whisker")).toList();
        assertThat(whiskers).hasSize(2);
        List<Element> bars = elements(root, "rect").stream().filter(r -> r.getElementsByTagName("title").getLength() == 1).toList();
        assertThat(bars).extracting(b -> b.getElementsByTagName("title").item(0).getTextContent())
                .containsExactly("selection rate, A: 0.4 (interval 0.3 to 0.5)", "selection rate, B: 0.8 (interval 0.7 to 0.95)",
                        "selection rate, C: 0.5");
        // The stem runs from the upper bound (higher on the page) to the lower; the bar top lies between them.
        Element stem = (Element) whiskers.get(1).getElementsByTagName("line").item(0);
        double top = Double.parseDouble(stem.getAttribute("y1"));
        double low = Double.parseDouble(stem.getAttribute("y2"));
        double barTop = Double.parseDouble(bars.get(1).getAttribute("y"));
        assertThat(top).isLessThan(barTop);
        assertThat(low).isGreaterThan(barTop);
        assertThat(svg).doesNotContain("NaN");
    }

    @Test
    void barIntervalsMustMatchTheSeries() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BarChart("t", "", "", List.of("A"), List.of("s"),
                List.of(new double[] {1}), List.of(new double[] {0, 1}), List.of(new double[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one value per category");
    }

    @Test
    void ticksAreNice() {
        Ticks auto = Ticks.of(0.13, 0.87, Double.NaN, Double.NaN, 6);
        assertThat(auto.min()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(auto.max()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(labels(auto)).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9");
        assertThat(labels(Ticks.of(0.2, 0.7, 0, 1, 6))).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(labels(Ticks.of(-17, 1234, Double.NaN, Double.NaN, 6))).containsExactly("-200", "0", "200", "400", "600", "800", "1000", "1200", "1400");
        assertThat(labels(Ticks.of(5, 5, Double.NaN, Double.NaN, 5))).containsExactly("4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6");
        assertThat(labels(Ticks.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN, 6)))
                .containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }

    @Test
    void largeTickValuesAreWrittenInThousandsOrMillions() {
        assertThat(labels(Ticks.of(0, 1e7, Double.NaN, Double.NaN, 6))).containsExactly("0", "2M", "4M", "6M", "8M", "10M");
        assertThat(labels(Ticks.of(-1e6, 1e6, Double.NaN, Double.NaN, 5))).containsExactly("-1.0M", "-0.5M", "0", "0.5M", "1.0M");
        assertThat(labels(Ticks.of(0, 40_000, Double.NaN, Double.NaN, 5))).containsExactly("0", "10k", "20k", "30k", "40k");
    }

    @Test
    void crowdedLabelsAreTurnedAndNarrowBarsGoUnlabelled() {
        List<String> names = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
        double[][] values = new double[10][10];
        for (int i = 0; i < 10; i++) {
            values[i][i] = 900 + i;
        }
        Element heatmap = parse(SvgCharts.render(new HeatmapChart("CIFAR-10", "", "True", "Predicted", names, names, values)));
        Element automobile = textFor(elements(heatmap, "text"), "automobile");
        List<Element> rowLabel = elements(heatmap, "text").stream().filter(t -> t.getTextContent().equals("automobile")).toList();
        assertThat(rowLabel).hasSize(2);
        assertThat(automobile.getAttribute("transform")).endsWith("rotate(-90)");
        assertThat(rowLabel.get(1).getAttribute("transform")).isEmpty();

        List<String> groups = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            groups.add("group " + i);
        }
        for (int s = 0; s < 3; s++) {
            double[] v = new double[12];
            java.util.Arrays.fill(v, 103.7 + s);
            series.add(v);
        }
        Element bars = parse(SvgCharts.render(new BarChart("Latency", "", "ms", groups, List.of("p50", "p95", "p99"), series)));
        List<String> texts = elements(bars, "text").stream().map(Element::getTextContent).toList();
        assertThat(texts).doesNotContain("104", "105", "106").contains("group 0", "group 11");
        assertThat(textFor(elements(bars, "text"), "group 11").getAttribute("transform")).endsWith("rotate(-45)");
        assertThat(elements(bars, "title").stream().map(Element::getTextContent)).contains("p99, group 11: 106");
    }

    @Test
    void anXYChartWithoutDataSaysSo() {
        XYChart empty = new XYChart("Empty", "", Axis.auto("x"), Axis.auto("y"),
                List.of(new Series("a", new double[] {Double.NaN}, new double[] {1}, Series.Style.LINE)));
        Element root = parse(SvgCharts.render(empty));
        assertThat(elements(root, "text").stream().map(Element::getTextContent)).contains("No data");
        assertThat(elements(root, "path")).isEmpty();
    }

    @Test
    void coordinatesAndValuesArePrintedCompactly() {
        assertThat(Svg.num(12.0)).isEqualTo("12");
        assertThat(Svg.num(12.345)).isEqualTo("12.3");
        assertThat(Svg.num(-0.04)).isEqualTo("0");
        assertThat(Svg.num(-3.26)).isEqualTo("-3.3");
        assertThat(Svg.value(11360)).isEqualTo("11360");
        assertThat(Svg.value(0.71234)).isEqualTo("0.712");
        assertThat(Svg.value(Double.NaN)).isEqualTo("–");
        assertThat(XmlText.escape("a<b>&\"c'\u0001")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;");
    }

    private static XYChart residuals() {
        return new XYChart("Residuals", "", Axis.auto("x"), Axis.auto("residual"), List.of(new Series("rows",
                new double[] {12, 25, 31, Double.NaN, 48}, new double[] {-2.5, 1, 2.2, 0, Double.NaN}, Series.Style.POINTS),
                new Series("", new double[] {10, 50}, new double[] {0, 0}, Series.Style.GUIDE)));
    }

    private static List<String> labels(Ticks t) {
        List<String> out = new ArrayList<>();
        for (double v : t.values()) {
            out.add(t.label(v));
        }
        return out;
    }

    private static Element textFor(List<Element> texts, String label) {
        return texts.stream().filter(t -> t.getTextContent().equals(label)).findFirst().orElseThrow();
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element parse(String svg) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + svg, e);
        }
    }
}
