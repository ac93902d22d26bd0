package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {
    @TempDir
    Path jarFolder;

    @Test
    void pointsOnnxRuntimeAtTheLibrariesBesideTheJar() throws IOException {
        Path libraries = Files.createDirectory(jarFolder.resolve(Startup.ONNXRUNTIME_FOLDER));
        Properties properties = new Properties();

        Startup.useLibrariesIn(jarFolder, properties);

        assertThat(properties.getProperty(Startup.ONNXRUNTIME_PATH)).isEqualTo(libraries.toString());
    }

    @Test
    void leavesOnnxRuntimeAloneWithoutLibrariesBesideTheJar() {
        Properties properties = new Properties();

        Startup.useLibrariesIn(jarFolder, properties);

        assertThat(properties).doesNotContainKey(Startup.ONNXRUNTIME_PATH);
    }

    @Test
    void aPathGivenByTheUserWins() throws IOException {
        Files.createDirectory(jarFolder.resolve(Startup.ONNXRUNTIME_FOLDER));
        Properties properties = new Properties();
        properties.setProperty(Startup.ONNXRUNTIME_PATH, "/opt/onnxruntime/lib");

        Startup.useLibrariesIn(jarFolder, properties);

        assertThat(properties.getProperty(Startup.ONNXRUNTIME_PATH)).isEqualTo("/opt/onnxruntime/lib");
    }
}
