package dev.assay.cli;

import dev.assay.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The example data, model and suite bundled in the jar under {@code /examples/} (see assay-cli/pom.xml). */
final class BundledExamples {
    private BundledExamples() {
    }

    /**
     * Copies the bundled files {@code names} (paths below {@code examples/}) into {@code folder}, keeping
     * their relative paths.
     *
     * @throws InvalidInputException when one is missing from the jar, with how to rebuild it
     */
    static void unpack(Path folder, List<String> names) throws IOException {
        for (String name : names) {
            try (InputStream in = BundledExamples.class.getResourceAsStream("/examples/" + name)) {
                if (in == null) {
                    throw new InvalidInputException("The example file " + name + " is missing from the assay jar. "
                            + "Rebuild it with 'mvn -B package -DskipTests' from the repository root.");
                }
                Path target = folder.resolve(name);
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
    }
}
