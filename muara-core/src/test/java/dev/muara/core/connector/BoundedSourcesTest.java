package dev.muara.core.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.data.Batch;
import dev.muara.api.error.ErrorKind;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.Options;
import dev.muara.api.source.Boundedness;
import dev.muara.api.source.RejectedRecord;
import dev.muara.api.source.SourceConfig;
import dev.muara.core.redact.Redactor;
import dev.muara.testkit.MemoryConnectors;
import dev.muara.testkit.MemorySource;
import dev.muara.testkit.Rows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a source whole, as a lookup does: every split in order, and nothing that would not end or be complete. */
class BoundedSourcesTest {

    private static final SourceConfig MEMORY = new SourceConfig("memory",
            new Options("source 'memory'", Map.of(), Map.of(), "pipeline.yaml:7"));

    private static BoundedSources reading(MemorySource source) {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(MemoryConnectors.source(Map.of("lookup", source))),
                List.of(), List.of());
        return new BoundedSources(registry, "orders", Path.of("."), 100, new Redactor());
    }

    @Test
    void every_batch_of_every_split_is_passed_on_in_order_and_the_readers_are_closed() {
        MemorySource source = new MemorySource(Boundedness.BOUNDED)
                .numbered("countries-1", 1, 2, 3).numbered("countries-2", 7, 1, 2);
        List<Long> ids = new ArrayList<>();
        reading(source).read(MEMORY, batch -> Rows.of(batch).forEach(r -> ids.add((Long) r.get(0))));
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(source.openReaders).hasValue(0);
    }

    @Test
    void a_source_that_does_not_end_is_refused_before_it_is_read() {
        MemorySource source = new MemorySource(Boundedness.UNBOUNDED).numbered("topic", 1, 1, 1);
        assertThatThrownBy(() -> reading(source).read(MEMORY, batch -> { }))
                .isInstanceOfSatisfying(MuaraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.location()).isEqualTo("pipeline.yaml:7");
                })
                .hasMessage("source 'memory' does not end, so it cannot be read whole");
        assertThat(source.batchesRead).hasValue(0);
    }

    @Test
    void a_record_the_source_rejects_fails_the_reading_since_a_table_read_whole_cannot_leave_it_out() {
        MemorySource source = new MemorySource(Boundedness.BOUNDED).numbered("countries.csv", 1, 2, 2)
                .rejectAt("countries.csv", 1, new RejectedRecord("countries.csv:4", "3 fields, the header 2", "a,b,c"));
        assertThatThrownBy(() -> reading(source).read(MEMORY, batch -> { })).isInstanceOf(MuaraException.class)
                .hasMessage("source 'memory': countries.csv:4: 3 fields, the header 2");
        assertThat(source.openReaders).hasValue(0);
    }

    @Test
    void what_the_receiver_throws_stops_the_reading_and_comes_out_as_it_was_thrown() {
        MemorySource source = new MemorySource(Boundedness.BOUNDED).numbered("countries", 1, 5, 2);
        MuaraException tooMany = MuaraException.config("more than 3 rows");
        List<Batch> seen = new ArrayList<>();
        assertThatThrownBy(() -> reading(source).read(MEMORY, batch -> {
            seen.add(batch);
            if (seen.size() == 2) {
                throw tooMany;
            }
        })).isSameAs(tooMany);
        assertThat(tooMany.connector()).as("the receiver's error is not the connector's").isNull();
        assertThat(source.batchesRead).hasValue(2);
        assertThat(source.openReaders).hasValue(0);
    }
}
