package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ModelLoaders;
import dev.assay.core.model.ModelSource;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Model URLs that are not http(s) URLs of a server, given as a model location or to the builder. */
class ModelUrlTest {
    private static final String EXPECTED = " Expected http://HOST[:PORT][/PATH] or https://..., e.g. http://localhost:8080, with a "
            + "port from 1 to 65535.";

    private static Throwable loading(String location, String type) {
        try {
            ModelLoaders.load(new ModelSource(location, type, Map.of("name", "credit")));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("loaded " + location);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://[bad|The model URL 'http://[bad' is not a valid URL (Expected closing bracket for IPv6 address at character 12).",
            "http://|The model URL 'http://' is not a valid URL (Expected authority at character 8).",
            "http://models.example.com:99999/|The model URL 'http://models.example.com:99999/' has the port 99999.",
            "http://localhost:0|The model URL 'http://localhost:0' has the port 0.",
            "https://host:abc/v2|The model URL 'https://host:abc/v2' has no valid host in 'host:abc'.",
            "http://a b|The model URL 'http://a b' is not a valid URL (Illegal character in authority at character 8)."})
    void aLocationThatIsNoServerUrlIsQuotedWithTheExpectedForm(String location, String problem) {
        assertThat(loading(location, null)).isInstanceOf(InvalidInputException.class).hasMessage(problem + EXPECTED);
    }

    @Test
    void anotherSchemeIsNamed() {
        assertThat(loading("ftp://x", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("The model location 'ftp://x' is a ftp:// URL, which Assay does not load models from. Give a model file "
                        + "(.onnx, .tribuo, .tribuo.gz) or the http:// or https:// URL of a model server.");
        assertThat(loading("ftp://x", "http")).isInstanceOf(InvalidInputException.class)
                .hasMessage("The model URL 'ftp://x' uses ftp://, which Assay does not call." + EXPECTED);
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutQuotingThem() {
        assertThat(loading("https://scorer:s3cret@models.example.com/", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("The model URL 'https://***@models.example.com/' holds a user name or password. Leave credentials "
                        + "out of the URL (reports and logs show it): send a token with token_env (bearerTokenVariable) or a "
                        + "header instead.");
    }

    @Test
    void aLongValueIsQuotedShortened() {
        String location = "http://" + "x".repeat(200) + ":99999";
        assertThat(loading(location, null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("The model URL '" + location.substring(0, 60) + "... (153 more characters)' has the port 99999."
                        + EXPECTED);
    }

    @Test
    void theBuilderChecksItsUrlToo() {
        assertThatThrownBy(() -> HttpModel.openInference(URI.create("file:///tmp/model"), "credit").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The model URL 'file:///tmp/model' uses file://, which Assay does not call." + EXPECTED);
    }
}
