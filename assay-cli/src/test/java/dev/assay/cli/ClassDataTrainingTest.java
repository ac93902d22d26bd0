package dev.assay.cli;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ClassDataTrainingTest {
    /** The launcher records its class-data archive from this workload: every command in it must still pass. */
    @Test
    void everyTrainingCommandPasses() throws IOException {
        ClassDataTraining.runWorkload();
    }
}
