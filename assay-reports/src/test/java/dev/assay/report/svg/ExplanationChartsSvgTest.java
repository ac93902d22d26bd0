package dev.assay.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.chart.BeeswarmChart;
import dev.assay.core.chart.WaterfallChart;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationChartsSvgTest {

    @Test
    void waterfallRunsFromBaseToOutputWithSignedValues() {
        WaterfallChart w = new WaterfallChart("Row 3", "caption", "model output", 0.5, List.of("age = 35", "sex = Female"),
                new double[] {0.125, -0.0251}, 0.5999);
        String svg = SvgCharts.render(w);
        assertThat(svg).contains(">base value<").contains(">output<").contains(">+0.125<").contains(">-0.025<")
                .contains(">0.500<").contains(">0.600<").contains("age = 35: +0.125");
        assertThat(svg).containsPattern("fill=\"#d55e00\"><title>age").containsPattern("fill=\"#0072b2\"><title>sex");
        assertThat(svg).doesNotContain("NaN");
    }

    @Test
    void beeswarmShadesByValueAndGreysUnorderedOnes() {
        BeeswarmChart b = new BeeswarmChart("Contributions", "", "contribution", List.of("age", "sex"),
                List.of(new double[] {0.1, -0.2}, new double[] {0.05, Double.NaN}),
                List.of(new double[] {0, 1}, new double[] {Double.NaN, Double.NaN}));
        String svg = SvgCharts.render(b);
        assertThat(svg.split("<circle", -1)).hasSize(1 + 3 + 3);
        assertThat(svg).contains("fill=\"#0072b2\"/>").contains("fill=\"#d55e00\"/>").contains("fill=\"#8c959f\"/>")
                .contains(">low value<").contains(">high value<");
        assertThat(BeeswarmSvg.colour(0.5)).isEqualTo("#6b6859");
    }
}
