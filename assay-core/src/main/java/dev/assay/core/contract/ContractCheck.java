package dev.assay.core.contract;

import dev.assay.core.check.CheckContext;
import dev.assay.core.check.CheckSetup;
import dev.assay.core.check.MeasuringCheck;
import dev.assay.core.check.Requirements;
import dev.assay.core.check.Observations;
import dev.assay.core.data.Frame;
import dev.assay.core.result.EvidenceTable;
import dev.assay.core.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Evaluates a {@link Contract} on the current data; built by {@link ContractCheckKind}. */
public final class ContractCheck extends MeasuringCheck {
    static final String KIND = "contract";
    static final List<String> MEASURES = List.of("failed_expectations", "expectations", "row_count", "unexpected_count",
            "unexpected_share");

    private final Contract contract;

    /** A check of {@code contract} with the setup's conditions (see {@link ContractCheckKind#withDefaultCondition}). */
    public ContractCheck(CheckSetup setup, Contract contract) {
        super(setup, KIND, MEASURES, Requirements.NONE);
        this.contract = contract;
    }

    @Override
    protected Map<String, String> ownSettings() {
        return Map.of("expectations", Integer.toString(contract.expectations().size()));
    }

    @Override
    protected Observations measure(CheckContext context) {
        Frame frame = context.current().frame();
        List<Outcome> outcomes = contract.evaluate(frame);
        Observations obs = new Observations();
        List<List<Object>> rows = new ArrayList<>();
        int failed = 0;
        for (Outcome o : outcomes) {
            failed += o.passed() ? 0 : 1;
            obs.measurement(Measurement.of("unexpected_count", o.id(), o.unexpected(), o.checked()));
            obs.measurement(Measurement.of("unexpected_share", o.id(), o.unexpectedShare(), o.checked()));
            rows.add(java.util.Arrays.asList(o.id(), o.description(), o.checked(), o.unexpected(), o.unexpectedShare(), o.mostly(),
                    o.passed() ? "pass" : "FAIL", String.join("; ", o.samples())));
        }
        obs.measurement(Measurement.of("failed_expectations", failed, frame.rowCount()));
        obs.measurement(Measurement.of("expectations", outcomes.size(), frame.rowCount()));
        obs.measurement(Measurement.of("row_count", frame.rowCount(), frame.rowCount()));
        obs.table(new EvidenceTable("Expectations", List.of("expectation", "expected", "checked", "unexpected", "share", "mostly",
                "result", "sample rows"), rows));
        obs.summary(failed == 0 ? "All " + outcomes.size() + " expectations hold."
                : failed + " of " + outcomes.size() + " expectations fail: " + String.join(", ",
                        outcomes.stream().filter(o -> !o.passed()).map(Outcome::id).limit(5).toList())
                        + (failed > 5 ? ", ..." : "") + ".");
        return obs;
    }
}
