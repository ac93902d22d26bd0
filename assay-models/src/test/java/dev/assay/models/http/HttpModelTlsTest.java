package dev.assay.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.model.ClassPredictions;
import dev.assay.core.model.FeatureMapping;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made by the JDK's keytool for 127.0.0.1. */
class HttpModelTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String ANSWER = "{\"predictions\": [[0.9, 0.1], [0.2, 0.8]]}";

    @TempDir
    static Path dir;
    private static Path pem;
    private static SSLContext serverTls;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keystore = dir.resolve("server.p12");
        pem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD),
                "-file", pem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }

    private static HttpModel.Builder model(StubServer server) {
        return HttpModel.json(server.uri("/predict"), "{\"instances\": \"$rows\"}").features(FeatureMapping.numeric(List.of("age")))
                .classes(List.of("bad", "good"));
    }

    @Test
    void aGivenCaFileIsTrusted() throws Exception {
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, ANSWER), serverTls);
                HttpModel remote = model(server).trustCertificates(pem).build()) {
            ClassPredictions p = (ClassPredictions) remote.predict(GermanCredit.test().slice(new int[] {0, 1}));
            assertThat(p.predicted()).containsExactly(0, 1);
            assertThat(server.uri("/").getScheme()).isEqualTo("https");
        }
    }

    @Test
    void anUntrustedCertificateIsReportedWithoutRetrying() throws Exception {
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, ANSWER), serverTls);
                HttpModel remote = model(server).build()) {
            assertThatThrownBy(() -> remote.predict(GermanCredit.test().slice(new int[] {0, 1})))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Model '/predict' at " + server.uri("/predict") + " failed: SSLHandshakeException");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void aFileWithoutCertificatesIsReported() throws Exception {
        Path text = dir.resolve("notes.pem");
        Files.writeString(text, "the CA certificate goes here\n");
        Path empty = dir.resolve("empty.pem");
        Files.writeString(empty, "");
        try (StubServer server = new StubServer((n, method, path, body) -> new StubServer.Response(200, ANSWER), serverTls)) {
            assertThatThrownBy(() -> model(server).trustCertificates(text).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("The trusted certificate file " + text + " holds no certificate that can be read (No "
                            + "certificate data found). Give a PEM file with one or more '-----BEGIN CERTIFICATE-----' blocks.");
            assertThatThrownBy(() -> model(server).trustCertificates(empty).build())
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("Trusted certificate file " + empty + " is empty (0 bytes). It was not written completely; write "
                            + "or copy it again.");
        }
    }
}
