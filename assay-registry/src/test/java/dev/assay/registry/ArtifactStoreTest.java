package dev.assay.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.result.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
    @TempDir
    Path dir;

    @Test
    void storesByContentOnceEvenWhenWrittenConcurrently() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        Path model = ModelRegistryTest.LOGISTIC;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> hashes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hashes.add(pool.submit(() -> store.put(model)));
        }
        for (Future<String> h : hashes) {
            assertThat("sha256:" + h.get()).isEqualTo(Fingerprint.of(model));
        }
        pool.shutdown();
        String hex = hashes.get(0).get();
        assertThat(store.get(hex)).hasSameBinaryContentAs(model);
        assertThat(store.get(hex)).isEqualTo(dir.resolve("artifacts/sha256/" + hex.substring(0, 2) + "/" + hex));
        try (Stream<Path> files = Files.walk(dir.resolve("artifacts"))) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(store.get(hex));
        }
    }

    @Test
    void refusesMissingFilesAndUnknownHashes() {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        assertThatThrownBy(() -> store.put(dir.resolve("nope.onnx"))).hasMessageContaining("nope.onnx does not exist");
        assertThatThrownBy(() -> store.put(dir)).hasMessageContaining("is not a regular file");
        assertThatThrownBy(() -> store.get("ab".repeat(32))).hasMessageContaining("is missing from");
        assertThatThrownBy(() -> store.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
