package dev.assay.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * What {@link AssayCommand#main} sets before anything else runs, so that a command starts in a
 * fraction of a second: see {@link #prepare()}.
 */
final class Startup {
    /** ONNX Runtime's system property: the folder that holds its native libraries. */
    static final String ONNXRUNTIME_PATH = "onnxruntime.native.path";
    /** The folder beside {@code assay.jar} that the build unpacks ONNX Runtime's libraries into. */
    static final String ONNXRUNTIME_FOLDER = "onnxruntime";
    /** The JDK's switch that makes the Flight Recorder API report itself unavailable. */
    static final String FLIGHT_RECORDER_OFF = "jfr.unsupported.vm";

    private Startup() {
    }

    /**
     * Native libraries from beside the jar, and no Flight Recorder set-up by DuckDB.
     *
     * <p><b>Native libraries.</b> DuckDB and ONNX Runtime look for their library in their own jar first
     * and copy it from there into a temporary file on every start (DuckDB's is 70 MB). On the common
     * platforms the build leaves them out of {@code assay.jar} and unpacks this platform's once beside it
     * (profiles {@code natives-*} in {@code assay-cli/pom.xml}), where the libraries' own fallbacks find them:
     * <ul>
     *   <li>DuckDB ({@code org.duckdb.DuckDBNative}) tries {@code System.loadLibrary("duckdb_java")}, then
     *       {@code libduckdb_java.so_<os>_<arch>} in the folder of the jar that holds it: nothing to set.</li>
     *   <li>ONNX Runtime ({@code ai.onnxruntime.OnnxRuntime}) loads its libraries from the folder named by
     *       the system property {@value #ONNXRUNTIME_PATH}, set here to {@code <jar folder>/onnxruntime}.</li>
     * </ul>
     * A jar built with {@code -Dportable} carries every platform's libraries inside and needs none of this.
     *
     * <p><b>Flight Recorder.</b> DuckDB's JDBC driver registers a periodic Flight Recorder event (its memory
     * monitor) on the first connection whenever the JDK has a Flight Recorder. That initialises the
     * recorder's metadata: about 50 ms of CPU on every run, for events nobody records. Setting the JDK's
     * {@value #FLIGHT_RECORDER_OFF} property before that makes the registration a no-op. A recording started
     * with {@code -XX:StartFlightRecording} is unaffected (the recorder is initialised before {@code main}),
     * and {@code -Djfr.unsupported.vm=false} keeps the recorder available for {@code jcmd JFR.start}.
     */
    static void prepare() {
        Path jarFolder = jarFolder();
        if (jarFolder != null) {
            useLibrariesIn(jarFolder, System.getProperties());
        }
        if (System.getProperty(FLIGHT_RECORDER_OFF) == null) {
            System.setProperty(FLIGHT_RECORDER_OFF, "true");
        }
    }

    /**
     * Sets {@value #ONNXRUNTIME_PATH} in {@code properties} to {@code jarFolder/onnxruntime} when that
     * folder exists and the property is not set already (a user's {@code -Donnxruntime.native.path} wins).
     */
    static void useLibrariesIn(Path jarFolder, Properties properties) {
        Path onnx = jarFolder.resolve(ONNXRUNTIME_FOLDER);
        if (properties.getProperty(ONNXRUNTIME_PATH) == null && Files.isDirectory(onnx)) {
            properties.setProperty(ONNXRUNTIME_PATH, onnx.toString());
        }
    }

    /** The folder of the jar this class was loaded from, or {@code null} when it runs from a class folder. */
    private static Path jarFolder() {
        try {
            CodeSource source = Startup.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
