package dev.assay.junit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the paths of {@link AssayData}, {@link AssayModel} and suites. */
final class ProjectPaths {
    private ProjectPaths() {
    }

    /**
     * {@code path} as given when absolute or present in the working directory; else the first existing
     * {@code parent/path} of the working directory's ancestors; else {@code path} as given, so that the
     * reader's message names it.
     */
    static Path resolve(String path) {
        Path given = Path.of(path);
        if (given.isAbsolute() || Files.exists(given)) {
            return given;
        }
        for (Path dir = Path.of("").toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(given);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return given;
    }
}
