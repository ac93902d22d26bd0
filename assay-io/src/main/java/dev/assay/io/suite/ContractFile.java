package dev.assay.io.suite;

import dev.assay.core.contract.Contract;
import dev.assay.core.contract.ContractReader;
import dev.assay.io.TextFiles;
import java.nio.file.Path;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A data contract file for {@code assay validate}: the keys of a suite's {@code contract} check
 * ({@code columns}, {@code rows}, {@code mostly}; see {@link ContractReader}) plus an optional
 * {@code contract} (its name) and {@code description}. Errors name the file and line.
 */
public final class ContractFile {
    private static final Set<String> KEYS = Set.of("contract", "description", "columns", "rows", "mostly");

    private ContractFile() {
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws dev.assay.core.error.InvalidInputException naming the file and line of any problem
     */
    public static Contract read(Path file) {
        String shown = file.toString();
        return parse(shown, TextFiles.read(file, "Contract file", 1 << 20));
    }

    /** Reads contract text; {@code fileName} is used in messages and as the default name. */
    static Contract parse(String fileName, String text) {
        Node root = SuiteFileParser.compose(fileName, text);
        if (root == null) {
            throw new SuiteFileException(fileName, 0, "the file is empty. A contract needs 'columns' (or 'rows'), for example:\n"
                    + "  columns:\n    age: {nullable: false, min: 0, max: 120}");
        }
        YamlSection top = new YamlSection(fileName, null, "", root);
        top.allowOnly(KEYS);
        String name = top.string("contract", Path.of(fileName).getFileName().toString());
        return ContractReader.read(name, top);
    }
}
