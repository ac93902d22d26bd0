package dev.assay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.contract.Contract;
import dev.assay.core.contract.Outcome;
import dev.assay.core.data.Frame;
import dev.assay.io.DataReader;
import dev.assay.io.suite.ContractFile;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code assay validate DATA --contract FILE}: checks a data file against a data contract. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a data file against a data contract and fails when an expectation does not hold.",
                "A contract holds expectations on columns (type, missing values, allowed values, range, regex,",
                "length, uniqueness, order) and the row count. See docs/data-checks.md."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every expectation holds", "  1  an expectation fails", "  2  usage or input error"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "CSV, Parquet or JSON-lines file.")
    Path data;

    @Option(names = "--contract", required = true, paramLabel = "FILE", description = "The contract file (YAML).")
    Path contract;

    @Option(names = "--missing", paramLabel = "VALUE", description = "Extra value meaning 'missing' in the data (repeatable), e.g. '?'.")
    List<String> missing = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COL=TYPE", description = "Column type override (repeatable): numeric, categorical or text.")
    Map<String, String> types = new LinkedHashMap<>();

    @Mixin
    OutputFormat outputFormat;

    @Override
    public Integer call() {
        boolean json = outputFormat.json();
        Contract c = ContractFile.read(contract);
        Frame frame = new DataReader().read(data, "current", Options.readOptions(types, missing).withoutFingerprint()).frame();
        List<Outcome> outcomes = c.evaluate(frame);
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(c, frame, outcomes, failed) : text(c, frame, outcomes, failed));
        out.flush();
        return failed == 0 ? ExitCode.PASS : ExitCode.FAIL;
    }

    private String text(Contract c, Frame frame, List<Outcome> outcomes, long failed) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("Contract '").append(c.name()).append("' on ").append(data.getFileName()).append(" (").append(frame.rowCount())
                .append(" rows): ").append(failed == 0 ? "all " + outcomes.size() + " expectations hold"
                        : failed + " of " + outcomes.size() + " expectations fail").append(nl);
        for (Outcome o : outcomes) {
            sb.append(String.format(Locale.ROOT, "  %-4s  %s: %s; unexpected %d of %d%s%s", o.passed() ? "pass" : "FAIL", o.id(),
                    o.description(), o.unexpected(), o.checked(),
                    Double.isNaN(o.unexpectedShare()) || o.column() == null ? "" : " (" + Format.number(100 * o.unexpectedShare()) + "%)",
                    o.mostly() < 1 ? ", mostly " + Format.number(o.mostly()) : "")).append(nl);
            if (!o.samples().isEmpty() && o.unexpected() > 0) {
                sb.append("        e.g. ").append(String.join("; ", o.samples())).append(nl);
            }
        }
        return sb.toString();
    }

    private String json(Contract c, Frame frame, List<Outcome> outcomes, long failed) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("contract", c.name());
        root.put("data", data.toString());
        root.put("rows", frame.rowCount());
        root.put("passed", failed == 0);
        root.put("failed", failed);
        ArrayNode list = root.putArray("expectations");
        for (Outcome o : outcomes) {
            ObjectNode e = list.addObject();
            e.put("id", o.id());
            e.put("column", o.column());
            e.put("expectation", o.expectation());
            e.put("description", o.description());
            e.put("checked", o.checked());
            e.put("unexpected_count", o.unexpected());
            if (Double.isNaN(o.unexpectedShare())) {
                e.putNull("unexpected_share");
            } else {
                e.put("unexpected_share", o.unexpectedShare());
            }
            e.put("mostly", o.mostly());
            e.put("passed", o.passed());
            o.samples().forEach(e.putArray("sample_rows")::add);
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
