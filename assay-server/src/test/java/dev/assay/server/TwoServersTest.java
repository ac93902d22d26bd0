package dev.assay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one database, as two processes would be: each keeps its own decoded window aggregates, which
 * must never stand in for a window the other server has written since; the windows count exactly the stored rows.
 */
class TwoServersTest {
    @TempDir
    Path dir;
    AssayServer first;
    AssayServer second;

    /** The database: null for SQLite in the test's folder. */
    String jdbcUrl() {
        return null;
    }

    @BeforeEach
    void start() throws Exception {
        first = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, jdbcUrl(), 1024 * 1024, AssayServerTest.ADMIN));
        second = AssayServer.start(new ServerSettings("127.0.0.1", 0, dir, jdbcUrl(), 1024 * 1024, null));
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
    }

    @Test
    void windowsCountEveryRowWhenTwoServersWriteInTurnAndAtOnce() throws Exception {
        ApiClient a = new ApiClient(() -> first.port(), AssayServerTest.ADMIN);
        ApiClient b = new ApiClient(() -> second.port(), AssayServerTest.ADMIN);
        a.ok(201, "PUT", "/api/v1/models/m", "application/json", "{}");
        String path = "/api/v1/models/m/predictions";
        // in turn: each server's cached window is stale after the other one wrote it
        a.ok(200, "POST", path, "application/json", AssayServerTest.array(0, 20));
        b.ok(200, "POST", path, "application/json", AssayServerTest.array(20, 40));
        a.ok(200, "POST", path, "application/json", AssayServerTest.array(40, 60));
        b.ok(200, "POST", path, "application/json", AssayServerTest.array(50, 70));
        assertThat(a.summary("m").get("windows").get(0).get("rows").asLong()).isEqualTo(70);
        // at once, with overlapping resends
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> done = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                ApiClient c = k % 2 == 0 ? a : b;
                int from = 70 + 15 * k;
                done.add(pool.submit(() -> c.ok(200, "POST", path, "application/json", AssayServerTest.array(from, from + 20))));
            }
            for (Future<JsonNode> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long rows = 70 + 15 * 15 + 20;
        JsonNode fromA = a.summary("m");
        JsonNode fromB = b.summary("m");
        assertThat(fromA.get("rows").asLong()).isEqualTo(rows);
        assertThat(fromA.get("windows").get(0).get("rows").asLong()).isEqualTo(rows);
        assertThat(fromB.get("windows")).isEqualTo(fromA.get("windows"));
        // and once more in turn after the concurrent writes
        b.ok(200, "POST", path, "application/json", AssayServerTest.array(1000, 1010));
        a.ok(200, "POST", path, "application/json", AssayServerTest.array(1010, 1020));
        assertThat(b.summary("m").get("windows").get(0).get("rows").asLong()).isEqualTo(rows + 20);
    }
}
