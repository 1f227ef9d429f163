package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's class-data training run must keep working as options change, or the archive silently shrinks. */
class ClassDataTrainingTest {

    @TempDir
    Path dir;

    @Test
    void every_training_pipeline_runs() throws Exception {
        assertThat(ClassDataTraining.train(dir)).isZero();
        assertThat(Duck.count(dir.resolve("training.duckdb"), "SELECT count(*) FROM rows")).isEqualTo(50);
        assertThat(Duck.count(dir.resolve("training.duckdb"), "SELECT count(*) FROM customers__orders__items"))
                .isOne();
    }
}
