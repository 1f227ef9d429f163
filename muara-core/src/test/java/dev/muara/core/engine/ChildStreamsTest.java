package dev.muara.core.engine;

import static dev.muara.core.engine.EngineFixture.ids;
import static dev.muara.core.engine.EngineFixture.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformConnector;
import dev.muara.api.transform.TransformContext;
import dev.muara.core.run.RunStatus;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.Rows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows a transform emits for a child stream: their own table, committed with their parent's rows. */
class ChildStreamsTest {

    @TempDir
    Path dir;

    /** Emits one row per input row to {@code <stream>__kids}: the parent's id and the batch origin with the row index. */
    private static TransformConnector kids() {
        return new TransformConnector() {
            public String type() {
                return "kids";
            }

            public String description() {
                return "A child row per row.";
            }

            public List<OptionSpec<?>> options() {
                return List.of();
            }

            public Transform create(Options options) {
                return new Transform() {
                    public Schema outputSchema(Schema input) {
                        return input;
                    }

                    public Batch apply(Batch batch, TransformContext context) {
                        List<List<Object>> rows = new ArrayList<>();
                        for (int row = 0; row < batch.rowCount(); row++) {
                            rows.add(Rows.row(batch.column(0).getLong(row), context.batchOrigin() + "#" + row));
                        }
                        context.emit(context.stream() + "__kids", Rows.batch(Schema.of(new Field("parent", DataType.INT64),
                                new Field("origin", DataType.STRING)), rows));
                        return batch;
                    }
                };
            }
        };
    }

    private static MemorySource numbered(int batches, int rows) {
        return new MemorySource(Boundedness.BOUNDED).numbered("split-0", 1, batches, rows);
    }

    @Test
    void child_rows_commit_with_their_parents_and_a_resumed_run_loads_each_once() {
        EngineFixture f = new EngineFixture(dir);
        f.transforms.add(kids());
        // a reader slower than the writer, so checkpoints commit before the failure (otherwise the reader can reach
        // it while the transform thread and the writer still hold every batch, and nothing is committed to compare)
        f.sources.put("s", numbered(10, 100).failAt("split-0", 7).delay(Duration.ofMillis(25)));
        String yaml = EngineFixture.pipeline("append", "checkpoint: {rows: 300, interval: 1h}\ntransforms:\n  - type: kids\n", "s");
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.FAILED);
        // the open transaction held parents and children: both are gone, both committed halves agree
        int committed = f.store.table("s").size();
        assertThat(committed).isPositive().isLessThan(1000);
        assertThat(ids(f.store.table("s__kids"))).isEqualTo(ids(f.store.table("s")));

        f.sources.put("s", numbered(10, 100));
        var resumed = f.run(yaml);
        assertThat(resumed.record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s"))).isEqualTo(range(1, 1000));
        assertThat(ids(f.store.table("s__kids"))).isEqualTo(range(1, 1000));
        assertThat(f.store.table("s__kids").stream().map(r -> r.get(1)).toList()).doesNotHaveDuplicates();
        assertThat(resumed.record().streams()).extracting(r -> r.stream()).contains("s", "s__kids");
    }

    @Test
    void a_replaced_stream_replaces_its_child_table_too() {
        EngineFixture f = new EngineFixture(dir);
        f.transforms.add(kids());
        f.sources.put("s", numbered(2, 5));
        String yaml = EngineFixture.pipeline("replace", "transforms:\n  - type: kids\n", "s");
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        f.sources.put("s", numbered(1, 5));
        assertThat(f.run(yaml).record().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(ids(f.store.table("s__kids"))).isEqualTo(range(1, 5));
    }
}
