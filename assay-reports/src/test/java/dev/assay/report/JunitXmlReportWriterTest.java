package dev.assay.report;

import static dev.assay.report.XmlTesting.children;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.result.CheckResult;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlReportWriterTest {

    private final Document doc = XmlTesting.parse(new JunitXmlReportWriter().render(SampleSuites.binaryClassification()));

    @Test
    void oneSuiteWithTheRightCounts() {
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Element> suites = children(root, "testsuite");
        assertThat(suites).hasSize(1);
        Element suite = suites.get(0);
        assertThat(suite.getAttribute("name")).isEqualTo(SampleSuites.SUITE_NAME);
        assertThat(suite.getAttribute("tests")).isEqualTo("6");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("2.417");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-11-28T12:50:16");
        for (String attribute : List.of("tests", "failures", "errors", "skipped", "time")) {
            assertThat(root.getAttribute(attribute)).as(attribute).isEqualTo(suite.getAttribute(attribute));
        }
        List<Element> properties = children(children(suite, "properties").get(0), "property");
        assertThat(properties).extracting(p -> p.getAttribute("name"))
                .contains("assay.version", "dataset.current", "dataset.reference", "setting.positiveClass", "model.kind");
        assertThat(properties).filteredOn(p -> p.getAttribute("name").startsWith("check."))
                .extracting(p -> p.getAttribute("name") + "=" + p.getAttribute("value"))
                .containsExactlyInAnyOrder("check." + SampleSuites.FAILED_CHECK + ".metrics=recall, precision",
                        "check." + SampleSuites.FAILED_CHECK + ".where=sex = Female");
    }

    @Test
    void oneTestcasePerCheckWithItsOutcome() {
        Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
        List<Element> cases = children(suite, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly("overall quality", SampleSuites.FAILED_CHECK,
                "calibration", "income drift vs 'reference'", "roc_auc by race", "equal opportunity by sex & <unknown>");
        assertThat(cases).allSatisfy(c -> assertThat(c.getAttribute("classname")).isEqualTo(SampleSuites.SUITE_NAME));
        assertThat(cases).extracting(c -> c.getAttribute("time")).containsExactly("0.184", "0.097", "0.041", "0.003", "0.000", "0.058");
        assertThat(outcomes(cases.get(0))).isEmpty();
        assertThat(outcomes(cases.get(1))).containsExactly("failure");
        assertThat(outcomes(cases.get(2))).isEmpty();
        assertThat(outcomes(cases.get(3))).containsExactly("error");
        assertThat(outcomes(cases.get(4))).containsExactly("skipped");
        assertThat(outcomes(cases.get(5))).isEmpty();
    }

    @Test
    void failureCarriesEveryFailedConditionAndTheMeasuredValues() {
        Element failure = children(testcase(1), "failure").get(0);
        assertThat(failure.getAttribute("message")).isEqualTo("Expecting recall on data/adult/adult-test.csv: measured 0.7121 (95% CI 0.6977–0.7262, n=3846) to be at least 0.8");
        assertThat(failure.getAttribute("type")).isEqualTo("assay.ConditionFailed");
        assertThat(failure.getTextContent().lines()).containsExactly(
                "1 of 2 conditions failed",
                "failed fail condition recall >= 0.8: Expecting recall on data/adult/adult-test.csv: measured 0.7121 (95% CI 0.6977–0.7262, n=3846) to be at least 0.8",
                "measured recall = 0.7121 (95% CI 0.6977–0.7262 (wilson), reference 0.749, n = 3846)",
                "measured precision = 0.7181 (95% CI 0.7037–0.7321 (wilson), reference 0.7302, n = 3814)");
    }

    @Test
    void errorSkipAndWarning() {
        Element error = children(testcase(3), "error").get(0);
        assertThat(error.getAttribute("message")).startsWith("Column 'capital_gain' is not in").doesNotContain("\n")
                .contains("Fix: add the column");
        assertThat(error.getTextContent()).contains("\nFix: add the column");
        assertThat(children(testcase(4), "skipped").get(0).getAttribute("message")).startsWith("No score column");
        String warnOut = children(testcase(2), "system-out").get(0).getTextContent();
        assertThat(warnOut.lines().toList()).startsWith(
                "WARNING: condition expected_calibration_error <= 0.05: Expecting expected_calibration_error on data/adult/adult-test.csv: measured 0.0612 (n=16281) to be at most 0.05",
                "WARNING: expected_calibration_error: bin [0.9, 1.0] holds no rows; it is left out of the error");
    }

    @Test
    void escapesMarkupAndDropsCharactersXmlCannotHold() {
        CheckResult odd = CheckResult.error("a <b> & \"c\" \u0001 'd'", "metric", "bad ]]> input\u0007", Duration.ofMillis(1));
        SuiteResult result = new SuiteResult("s & <t>", "", List.of(odd), SampleSuites.provenance(), Duration.ofMillis(5));
        Document parsed = XmlTesting.parse(new JunitXmlReportWriter().render(result));
        Element testcase = children(children(parsed.getDocumentElement(), "testsuite").get(0), "testcase").get(0);

        assertThat(testcase.getAttribute("name")).isEqualTo("a <b> & \"c\"  'd'");
        assertThat(testcase.getAttribute("classname")).isEqualTo("s & <t>");
        assertThat(children(testcase, "error").get(0).getTextContent()).isEqualTo("bad ]]> input");
    }

    private Element testcase(int index) {
        return children(children(doc.getDocumentElement(), "testsuite").get(0), "testcase").get(index);
    }

    private static List<String> outcomes(Element testcase) {
        return XmlTesting.all(testcase, "*").stream().map(Element::getTagName)
                .filter(n -> List.of("failure", "error", "skipped").contains(n)).toList();
    }
}
