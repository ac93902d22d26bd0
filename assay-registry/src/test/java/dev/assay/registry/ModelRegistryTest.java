package dev.assay.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.error.InvalidInputException;
import dev.assay.core.result.Fingerprint;
import dev.assay.registry.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ModelRegistryTest {
    static final Path MODELS = Path.of("../examples/models");
    static final Path LOGISTIC = MODELS.resolve("german_credit_logistic.onnx");
    static final Path FOREST = MODELS.resolve("german_credit_forest.tribuo.gz");
    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(T0);

    static Stream<Named<Function<Path, Database>>> backends() {
        return Backends.all().stream();
    }

    ModelRegistry registry(Function<Path, Database> backend) {
        return ModelRegistry.on(backend.apply(dir), dir.resolve("artifacts"), clock);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void registersContentAddressedVersionsIdempotently(Function<Path, Database> backend) throws IOException {
        ModelRegistry registry = registry(backend);
        RegistryStore.Registration first = registry.register("credit", LOGISTIC, Map.of("team", "risk"),
                new Lineage("sha256:abc", null, "4f2e1c0"), "ana");
        assertThat(first.created()).isTrue();
        ModelVersion v1 = first.version();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(Fingerprint.PREFIX + v1.sha256()).isEqualTo(Fingerprint.of(LOGISTIC));
        assertThat(v1.framework()).isEqualTo("onnx");
        assertThat(v1.sizeBytes()).isEqualTo(Files.size(LOGISTIC));
        assertThat(v1.metadata()).containsEntry("task", "binary").containsKey("features");
        assertThat(v1.metadata().keySet()).anyMatch(k -> k.startsWith("input.")).anyMatch(k -> k.startsWith("output."));
        assertThat(v1.tags()).containsExactly(Map.entry("team", "risk"));
        assertThat(v1.lineage()).isEqualTo(new Lineage("sha256:abc", null, "4f2e1c0"));
        assertThat(registry.artifact(v1)).hasSameBinaryContentAs(LOGISTIC);

        Path copy = Files.copy(LOGISTIC, dir.resolve("renamed.onnx"));
        RegistryStore.Registration again = registry.register("credit", copy, Map.of("stage", "qa"), Lineage.NONE, "bo");
        assertThat(again.created()).isFalse();
        assertThat(again.version().version()).isEqualTo(1);
        assertThat(again.version().registeredBy()).isEqualTo("ana");
        assertThat(again.version().tags()).containsEntry("team", "risk").containsEntry("stage", "qa");

        ModelVersion v2 = registry.register("credit", FOREST, Map.of(), new Lineage(null, 1, null), "ana").version();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.framework()).isEqualTo("tribuo");
        assertThat(v2.lineage().parentVersion()).isEqualTo(1);
        assertThat(registry.versions("credit")).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(registry.models()).containsExactly("credit");
        assertThat(registry.register("other", LOGISTIC, Map.of(), Lineage.NONE, "ana").version().version()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void refusesPathsAsNamesAndUnknownParents(Function<Path, Database> backend) {
        ModelRegistry registry = registry(backend);
        for (String bad : List.of("../evil", "a/b", "a\\b", "..", ".hidden", "", "x".repeat(129))) {
            assertThatThrownBy(() -> registry.register(bad, LOGISTIC, Map.of(), Lineage.NONE, "ana"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Invalid model name");
        }
        assertThatThrownBy(() -> registry.register("credit", LOGISTIC, Map.of("../../etc/passwd", "x"), Lineage.NONE, "ana"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Invalid tag name");
        assertThatThrownBy(() -> registry.register("credit", LOGISTIC, Map.of("k", "line\nbreak"), Lineage.NONE, "ana"))
                .hasMessageContaining("tag 'k'");
        assertThatThrownBy(() -> registry.register("credit", LOGISTIC, Map.of(), new Lineage(null, 7, null), "ana"))
                .hasMessageContaining("Parent version credit@7 does not exist");
        assertThatThrownBy(() -> registry.register("credit", dir.resolve("missing.onnx"), Map.of(), Lineage.NONE, "ana"))
                .hasMessageContaining("missing.onnx does not exist");
        assertThat(registry.models()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void logsEveryAliasMoveAndResolvesAtATime(Function<Path, Database> backend) {
        ModelRegistry registry = registry(backend);
        registry.register("credit", LOGISTIC, Map.of(), Lineage.NONE, "ana");
        registry.register("credit", FOREST, Map.of(), Lineage.NONE, "ana");
        clock.advance(Duration.ofDays(1));
        Instant day1 = clock.instant();
        registry.promote("credit", "production", 1, "ana", "first release", PromotionGate.NONE);
        clock.advance(Duration.ofDays(1));
        Instant day2 = clock.instant();
        registry.promote("credit", "production", 2, "bo", "better recall", PromotionGate.NONE);
        clock.advance(Duration.ofDays(1));
        AliasMove back = registry.rollback("credit", "production", "cy", "complaints");

        assertThat(back).isEqualTo(new AliasMove("production", 2, 1, clock.instant(), "cy", "rollback from 2; complaints"));
        assertThat(registry.log("credit")).containsExactly(
                new AliasMove("production", null, 1, day1, "ana", "first release"),
                new AliasMove("production", 1, 2, day2, "bo", "better recall"),
                back);
        VersionRef production = VersionRef.parse("credit@production");
        assertThatThrownBy(() -> registry.resolve(production, day1.minusMillis(1)))
                .hasMessageContaining("Alias 'production' of model credit did not exist at 2026-03-02T08:59:59.999Z");
        assertThat(registry.resolve(production, day1).version()).isEqualTo(1);
        assertThat(registry.resolve(production, day2.plus(Duration.ofHours(5))).version()).isEqualTo(2);
        assertThat(registry.resolve(production).version()).isEqualTo(1);
        assertThat(registry.resolve(VersionRef.parse("credit@v2")).version()).isEqualTo(2);
        assertThatThrownBy(() -> registry.resolve(VersionRef.parse("credit@9"))).hasMessageContaining("has no version 9");
        assertThatThrownBy(() -> registry.promote("credit", "production", 9, "ana", "", PromotionGate.NONE))
                .hasMessageContaining("has no version 9");
        assertThatThrownBy(() -> registry.promote("credit", "../prod", 1, "ana", "", PromotionGate.NONE))
                .hasMessageContaining("Invalid alias");
        assertThatThrownBy(() -> registry.rollback("credit", "challenger", "ana", ""))
                .hasMessageContaining("no alias 'challenger'");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aFailingGateLeavesTheAliasWhereItWas(Function<Path, Database> backend) {
        ModelRegistry registry = registry(backend);
        registry.register("credit", LOGISTIC, Map.of(), Lineage.NONE, "ana");
        registry.register("credit", FOREST, Map.of(), Lineage.NONE, "ana");
        registry.promote("credit", "production", 1, "ana", "", PromotionGate.NONE);

        ModelRegistry.Promotion refused = registry.promote("credit", "production", 2, "bo", "try",
                (v, source) -> PromotionGate.Verdict.fail("suite gate.yaml: fail"));
        assertThat(refused.move()).isEmpty();
        assertThat(refused.verdict().summary()).isEqualTo("suite gate.yaml: fail");
        assertThat(registry.resolve(VersionRef.parse("credit@production")).version()).isEqualTo(1);
        assertThat(registry.log("credit")).hasSize(1);

        ModelRegistry.Promotion passed = registry.promote("credit", "production", 2, "bo", "try",
                (v, source) -> PromotionGate.Verdict.pass("suite gate.yaml on " + v.reference() + ": pass"));
        assertThat(passed.move()).get().extracting(AliasMove::reason).isEqualTo("try; gate passed: suite gate.yaml on credit@2: pass");
        assertThat(registry.resolve(VersionRef.parse("credit@production")).version()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theReportGateWantsARecentGreenReport(Function<Path, Database> backend) {
        ModelRegistry registry = registry(backend);
        ModelVersion v1 = registry.register("credit", LOGISTIC, Map.of(), Lineage.NONE, "ana").version();
        PromotionGate gate = new RecentReportGate(registry.store(), Duration.ofDays(7), clock);
        assertThat(registry.promote("credit", "production", 1, "ana", "", gate).verdict().summary())
                .isEqualTo("credit@1 has no linked report");
        registry.linkReport(v1, "out/report.json", "ab".repeat(32), "pass");
        clock.advance(Duration.ofDays(8));
        assertThat(registry.promote("credit", "production", 1, "ana", "", gate).move()).isEmpty();
        registry.linkReport(v1, "out2/report.json", "cd".repeat(32), "fail");
        assertThat(registry.promote("credit", "production", 1, "ana", "", gate).verdict())
                .isEqualTo(PromotionGate.Verdict.fail("report out2/report.json of " + clock.instant() + ": fail"));
        clock.advance(Duration.ofMinutes(1));
        registry.linkReport(v1, "out3/report.json", "ef".repeat(32), "warn");
        assertThat(registry.promote("credit", "production", 1, "ana", "", gate).move()).isPresent();
        assertThat(registry.store().reports("credit", 1)).hasSize(3);
    }
}
