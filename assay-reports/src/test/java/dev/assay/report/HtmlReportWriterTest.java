package dev.assay.report;

import static dev.assay.report.XmlTesting.all;
import static dev.assay.report.XmlTesting.byClass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportWriterTest {

    private final String html = new HtmlReportWriter().render(SampleSuites.binaryClassification());
    private final Document doc = XmlTesting.parse(html);
    private final Element body = all(doc.getDocumentElement(), "body").get(0);

    @Test
    void verdictIsInTheFirstHeading() {
        Element h1 = all(body, "h1").get(0);
        assertThat(h1.getTextContent()).isEqualTo("ERROR " + SampleSuites.SUITE_NAME);
        assertThat(byClass(h1, "span", "verdict").get(0).getTextContent()).isEqualTo("ERROR");
        assertThat(html.indexOf("<h1")).isLessThan(html.indexOf("<h2"));
        assertThat(all(doc.getDocumentElement(), "title").get(0).getTextContent()).startsWith("ERROR · " + SampleSuites.SUITE_NAME);
        assertThat(byClass(body, "li", "count")).extracting(Element::getTextContent)
                .containsExactly("1 failed", "1 errored", "1 warned", "2 passed", "1 skipped");
    }

    @Test
    void bannerHoldsTheDataSetsInACollapsibleBlock() {
        Element provenance = byClass(body, "details", "provenance").get(0);
        assertThat(provenance.hasAttribute("open")).isFalse();
        List<Element> rows = all(all(provenance, "tbody").get(0), "tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getTextContent()).contains("data/adult/adult-test.csv", "16281",
                "sha256:7c2a4f9b1e0d3c5a8f6e2b9d4a1c7e3f5b8d2a6c9e1f4b7d0a3c6e9f2b5d8a1c");
        assertThat(rows.get(1).getTextContent()).contains("unknown");
        List<Element> checkSettings = all(all(provenance, "tbody").get(1), "tr");
        assertThat(checkSettings).singleElement().extracting(Element::getTextContent)
                .isIn(SampleSuites.FAILED_CHECK + "metrics = recall, precision; where = sex = Female",
                        SampleSuites.FAILED_CHECK + "where = sex = Female; metrics = recall, precision");
    }

    @Test
    void checksAreShownWorstFirstAndProblemsAndChartsAreOpen() {
        List<Element> checks = byClass(body, "details", "check");
        assertThat(checks).extracting(c -> byClass(c, "span", "badge").get(0).getTextContent())
                .containsExactly("FAIL", "ERROR", "WARN", "PASS", "PASS", "SKIPPED");
        assertThat(checks).extracting(c -> c.hasAttribute("open")).containsExactly(true, true, true, true, true, false);
        assertThat(checks.subList(3, 5)).allSatisfy(c -> assertThat(c.getElementsByTagName("svg").getLength()).isPositive());
        assertThat(checks).extracting(c -> byClass(c, "span", "name").get(0).getTextContent())
                .containsExactly(SampleSuites.FAILED_CHECK, "income drift vs 'reference'", "calibration", "overall quality",
                        "equal opportunity by sex & <unknown>", "roc_auc by race");
        assertThat(checks).extracting(c -> c.getAttribute("id")).doesNotHaveDuplicates();
    }

    @Test
    void failedCheckShowsConditionsMeasurementsEvidenceAndChart() {
        Element failed = byClass(body, "details", "check").get(0);
        List<Element> tables = all(failed, "table");
        assertThat(tables).extracting(t -> t.getAttribute("class")).containsExactly("conditions", "measurements", "evidence");
        List<Element> conditionRows = all(all(tables.get(0), "tbody").get(0), "tr");
        assertThat(cells(conditionRows.get(0)))
                .containsExactly("FAIL", "recall >= 0.8", "0.7121", "0.8", "fail",
                        "Expecting recall on data/adult/adult-test.csv: measured 0.7121 (95% CI 0.6977–0.7262, n=3846) to be at least 0.8");
        assertThat(cells(conditionRows.get(1))).containsExactly("PASS", "precision >= 0.7", "0.7181", "0.7", "fail", "");
        assertThat(cells(all(tables.get(1), "tr").get(1)))
                .containsExactly("recall", "0.7121", "0.6977–0.726295%, wilson", "0.749", "3846", "");
        assertThat(cells(all(tables.get(2), "tr").get(2))).containsExactly(">50K", "1107", "2739");
        assertThat(all(failed, "svg")).hasSize(1);
        assertThat(all(failed, "figcaption").get(0).getTextContent()).isEqualTo("Rows are the true class, columns the predicted class.");
    }

    @Test
    void undefinedValuesAndWarningsAreShown() {
        Element fairness = byClass(body, "details", "check").get(4);
        Element row = all(all(byClass(fairness, "table", "measurements").get(0), "tbody").get(0), "tr").get(3);
        assertThat(cells(row)).containsExactly("recall[sex=<unknown>]", "undefined", "", "", "0",
                "no positive rows in group '<unknown>'Warning: zero division: true positives + false negatives = 0");
        assertThat(all(fairness, "svg")).hasSize(4);
        Element member = all(all(byClass(fairness, "table", "conditions").get(0), "tbody").get(0), "tr").get(1);
        assertThat(cells(member)).containsExactly("PASS", "recall[sex=Female] >= reference - 0.05", "0.6835", "0.651", "fail", "");
    }

    @Test
    void everySvgIsAnAccessibleXmlDocumentWithAUniqueClipPath() {
        Matcher m = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (m.find()) {
            Element svg = XmlTesting.parse(m.group()).getDocumentElement();
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            assertThat(svg.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
            assertThat(XmlTesting.children(svg, "title")).hasSize(1);
            count++;
        }
        assertThat(count).isEqualTo(8);
        List<String> clipIds = all(body, "clipPath").stream().map(e -> e.getAttribute("id")).toList();
        assertThat(clipIds).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void selfContainedWithoutScriptsOrRemoteResources() {
        assertThat(all(doc.getDocumentElement(), "script")).isEmpty();
        assertThat(all(doc.getDocumentElement(), "link")).isEmpty();
        assertThat(all(doc.getDocumentElement(), "img")).isEmpty();
        Matcher references = Pattern.compile("(?i)(?:src|href)\\s*=\\s*\"([^\"]*)\"|url\\(([^)]*)\\)|@import").matcher(html);
        while (references.find()) {
            String target = references.group(1) != null ? references.group(1) : references.group(2);
            assertThat(target).as(references.group()).isNotNull().doesNotContainIgnoringCase("http").doesNotContain("//");
        }
        String withoutSvgNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutSvgNamespace).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void escapesEveryText() {
        String name = "<script>alert('x')</script> & \"q\"\u0002";
        CheckResult check = CheckResult.error(name, "k<", "m</details>", Duration.ZERO);
        String out = new HtmlReportWriter().render(new SuiteResult(name, "d<", List.of(check), null, Duration.ZERO));
        Document parsed = XmlTesting.parse(out);

        assertThat(out).doesNotContain("<script");
        Element b = all(parsed.getDocumentElement(), "body").get(0);
        assertThat(byClass(b, "span", "name").get(0).getTextContent()).isEqualTo("<script>alert('x')</script> & \"q\"");
        assertThat(byClass(b, "p", "message").get(0).getTextContent()).isEqualTo("m</details>");
        assertThat(all(parsed.getDocumentElement(), "script")).isEmpty();
    }

    @Test
    void outputIsDeterministic() {
        assertThat(new HtmlReportWriter().render(SampleSuites.binaryClassification())).isEqualTo(html);
    }

    private static List<String> cells(Element row) {
        return all(row, "td").stream().map(Element::getTextContent).toList();
    }
}
