package dev.assay.core.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.check.Check;
import dev.assay.core.check.CheckContext;
import dev.assay.core.check.Condition;
import dev.assay.core.check.Requirements;
import dev.assay.core.data.ColumnRole;
import dev.assay.core.data.Dataset;
import dev.assay.core.data.Frame;
import dev.assay.core.data.NumericColumn;
import dev.assay.core.data.Schema;
import dev.assay.core.progress.Progress;
import dev.assay.core.result.CheckResult;
import dev.assay.core.result.Provenance;
import dev.assay.core.result.Status;
import dev.assay.core.result.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SuiteRunnerTest {

    /** A check that ends in a fixed status, or breaks its contract by throwing. */
    static class FixedCheck implements Check {
        private final String name;
        private final Status status;

        FixedCheck(String name, Status status) {
            this.name = name;
            this.status = status;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public List<Condition> conditions() {
            return List.of();
        }

        @Override
        public Set<String> measures() {
            return Set.of();
        }

        @Override
        public CheckResult run(CheckContext context) {
            if (status == null) {
                throw new IllegalStateException("broken check");
            }
            return new CheckResult(name, kind(), status, null, List.of(), List.of(), List.of(), List.of(), List.of(), Duration.ZERO);
        }
    }

    private static final Provenance PROVENANCE = new Provenance("test", Instant.EPOCH, List.of(), Map.of(), Map.of(), Map.of());

    private static SuiteResult run(Status... statuses) {
        List<Check> checks = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            checks.add(new FixedCheck("check " + i, statuses[i]));
        }
        CheckContext context = new CheckContext(Dataset.of("current", Frame.of(NumericColumn.of("x", 1)), Schema.empty()), null);
        return new SuiteRunner(2).run(new Suite("s", "", checks), context, PROVENANCE);
    }

    @Test
    void overallStatusIsTheWorstIgnoringSkipped() {
        assertThat(run(Status.PASS, Status.SKIPPED).status()).isEqualTo(Status.PASS);
        assertThat(run(Status.PASS, Status.WARN, Status.SKIPPED).status()).isEqualTo(Status.WARN);
        assertThat(run(Status.WARN, Status.FAIL, Status.PASS).status()).isEqualTo(Status.FAIL);
        assertThat(run(Status.FAIL, Status.ERROR).status()).isEqualTo(Status.ERROR);
    }

    @Test
    void aCheckThatThrowsBecomesErrorAndTheOthersStillRunInOrder() {
        SuiteResult r = run(Status.PASS, null, Status.FAIL);
        assertThat(r.checks()).extracting(CheckResult::name).containsExactly("check 0", "check 1", "check 2");
        assertThat(r.checks()).extracting(CheckResult::status).containsExactly(Status.PASS, Status.ERROR, Status.FAIL);
        assertThat(r.checks().get(1).message()).contains("broken check");
        assertThat(r.counts()).containsEntry(Status.ERROR, 1).containsEntry(Status.PASS, 1).containsEntry(Status.FAIL, 1);
    }

    /** Records how many checks run at once while it runs. */
    static final class ConcurrencyProbe {
        final AtomicInteger running = new AtomicInteger();
        final Map<String, Integer> seenBeside = new ConcurrentHashMap<>();

        Check check(String name, boolean alone) {
            return new FixedCheck(name, Status.PASS) {
                @Override
                public boolean runsAlone() {
                    return alone;
                }

                @Override
                public Map<String, String> settings() {
                    return Map.of("alone", Boolean.toString(alone));
                }

                @Override
                public CheckResult run(CheckContext context) {
                    int now = running.incrementAndGet();
                    try {
                        Thread.sleep(50);
                        seenBeside.merge(name, Math.max(now, running.get()) - 1, Math::max);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                    return super.run(context);
                }
            };
        }
    }

    @Test
    void progressHearsOfEveryCheckOnceAndOfTheEnd() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Progress progress = new Progress() {
            @Override
            public void begin(String task, int total) {
                events.add("begin " + task + " " + total);
            }

            @Override
            public void advance(String item) {
                events.add("done " + item);
            }

            @Override
            public void end() {
                events.add("end");
            }
        };
        ConcurrencyProbe probe = new ConcurrencyProbe();
        List<Check> checks = List.of(probe.check("p1", false), probe.check("load", true), probe.check("p2", false));
        new SuiteRunner(2).withProgress(progress).run(new Suite("s", "", checks), context(Schema.empty()), PROVENANCE);
        assertThat(events.get(0)).isEqualTo("begin checks 3");
        assertThat(events.subList(1, 4)).containsExactlyInAnyOrder("done p1", "done load", "done p2");
        assertThat(events.get(4)).isEqualTo("end");
    }

    @Test
    void checksThatRunAloneShareTheProcessorWithNoOtherCheck() {
        ConcurrencyProbe probe = new ConcurrencyProbe();
        List<Check> checks = List.of(probe.check("p1", false), probe.check("load", true), probe.check("p2", false),
                probe.check("p3", false), probe.check("latency", true));
        SuiteResult r = new SuiteRunner(4).run(new Suite("s", "", checks), context(Schema.empty()), PROVENANCE);
        assertThat(r.checks()).extracting(CheckResult::name).containsExactly("p1", "load", "p2", "p3", "latency");
        assertThat(probe.seenBeside).containsEntry("load", 0).containsEntry("latency", 0);
        assertThat(r.provenance().checks()).containsExactly(Map.entry("p1", Map.of("alone", "false")),
                Map.entry("load", Map.of("alone", "true")), Map.entry("p2", Map.of("alone", "false")),
                Map.entry("p3", Map.of("alone", "false")), Map.entry("latency", Map.of("alone", "true")));
    }

    @Test
    void aCheckWhoseNeedsAreUnmetIsSkippedWithTheReasonWithoutRunning() {
        AtomicInteger ran = new AtomicInteger();
        Check check = new FixedCheck("needy", Status.PASS) {
            @Override
            public Requirements requirements() {
                return Requirements.NONE.withModel().withReference().withPredictions().withRoles(ColumnRole.PROTECTED,
                        ColumnRole.LABEL);
            }

            @Override
            public CheckResult run(CheckContext context) {
                ran.incrementAndGet();
                return super.run(context);
            }
        };
        SuiteResult r = new SuiteRunner(2).run(new Suite("s", "", List.of(check)), context(Schema.builder().label("x").build()),
                PROVENANCE);
        assertThat(ran.get()).isZero();
        assertThat(r.checks().get(0).status()).isEqualTo(Status.SKIPPED);
        assertThat(r.checks().get(0).message()).isEqualTo("Needs a model (add 'model:' to the suite), reference data "
                + "(add 'data.reference:' to the suite), predictions (a model, or columns.prediction, columns.score or "
                + "columns.probabilities), a protected column (columns.protected).");
    }

    @Test
    void runningOutOfMemoryEndsTheRun() {
        Check hungry = new FixedCheck("hungry", Status.PASS) {
            @Override
            public CheckResult run(CheckContext context) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        assertThatThrownBy(() -> new SuiteRunner(2).run(new Suite("s", "", List.of(hungry)), context(Schema.empty()),
                PROVENANCE)).isInstanceOf(OutOfMemoryError.class);
    }

    private static CheckContext context(Schema schema) {
        return new CheckContext(Dataset.of("current", Frame.of(NumericColumn.of("x", 1)), schema), null);
    }
}
