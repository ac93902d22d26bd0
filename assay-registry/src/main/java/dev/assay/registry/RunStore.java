package dev.assay.registry;

import java.util.List;

/** Where suite runs are recorded; {@link SqlRunStore} keeps them beside the registry's records. */
public interface RunStore {
    /** Records a run (its {@code id} is ignored) and returns it with its id. */
    RecordedRun record(RecordedRun run);

    /** The runs of a model, in recording order. */
    List<RecordedRun> runs(String model);
}
