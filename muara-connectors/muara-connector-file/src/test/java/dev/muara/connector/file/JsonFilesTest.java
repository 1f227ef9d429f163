package dev.muara.connector.file;

import dev.muara.api.source.PlanContext;
import static dev.muara.testkit.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.muara.api.error.MuaraException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    @TempDir
    Path dir;

    @Test
    void ndjson_bad_lines_are_rejected_and_blank_lines_skipped() throws Exception {
        Files.writeString(dir.resolve("a.ndjson"), "{\"id\": 1}\n\n{\"id\": 2, oops}\n[1, 2]\n{\"id\": 3} {\"id\": 4}\n{\"id\": 5}\r\n");
        FileSources f = new FileSources(dir);
        assertThat(f.readAll(f.source("path", "a.ndjson"))).containsExactly(row(1), row(5));
        assertThat(f.rejected).extracting(r -> r.location() + " | " + r.original()).containsExactly(
                "a.ndjson:3 | {\"id\": 2, oops}", "a.ndjson:4 | [1, 2]", "a.ndjson:5 | {\"id\": 3} {\"id\": 4}");
        assertThat(f.rejected.get(0).reason()).startsWith("not valid JSON");
        assertThat(f.rejected.get(1).reason()).isEqualTo("expected a JSON object, found an array");
    }

    @Test
    void an_ndjson_line_longer_than_the_limit_is_rejected_and_reading_goes_on() throws Exception {
        String huge = "{\"id\": 2, \"blob\": \"" + "x".repeat(5000) + "\"}";
        Files.writeString(dir.resolve("b.jsonl"), "{\"id\": 1}\n" + huge + "\n{\"id\": 3}\n");
        FileSources f = new FileSources(dir);
        assertThat(f.readAll(f.source("path", "b.jsonl", "max_record_size", 1024L))).containsExactly(row(1), row(3));
        assertThat(f.rejected).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("b.jsonl:2");
            assertThat(r.reason()).contains("longer than");
            assertThat(r.original()).startsWith("{\"id\": 2, \"blob\": \"xxx");
        });
    }

    @Test
    void nested_objects_stay_json_or_flatten_one_level() throws Exception {
        Files.writeString(dir.resolve("c.ndjson"), "{\"id\": 1, \"address\": {\"city\": \"Jakarta\", \"geo\": {\"lat\": -6.2}}, \"tags\": [\"a\"]}\n");
        FileSources kept = new FileSources(dir);
        assertThat(kept.readAll(kept.source("path", "c.ndjson")))
                .containsExactly(row(1, "{\"city\":\"Jakarta\",\"geo\":{\"lat\":-6.2}}", "[\"a\"]"));
        FileSources flat = new FileSources(dir);
        assertThat(flat.readAll(flat.source("path", "c.ndjson", "flatten", true)))
                .containsExactly(row(1, "Jakarta", "{\"lat\":-6.2}", "[\"a\"]"));
        assertThat(flat.lastBatch().schema().names()).containsExactly("id", "address__city", "address__geo", "tags");
    }

    @Test
    void a_json_array_or_a_sequence_of_objects_loads_and_resumes_by_element() throws Exception {
        Files.writeString(dir.resolve("array.json"), "[\n  {\"id\": 1},\n  \"not an object\",\n  {\"id\": 2},\n  {\"id\": 3}\n]\n");
        Files.writeString(dir.resolve("objects.json"), "{\"id\": 1}\n{\n  \"id\": 2\n}\n");
        FileSources f = new FileSources(dir);
        var source = f.source("path", "array.json");
        assertThat(f.readAll(source, 2)).containsExactly(row(1), row(2), row(3));
        assertThat(f.rejected).singleElement().satisfies(r -> {
            assertThat(r.location()).isEqualTo("array.json:3");
            assertThat(r.original()).isEqualTo("\"not an object\"");
        });
        try (var reader = source.open(source.plan(PlanContext.FIRST_RUN).get(0), "3", f.context(10))) {
            assertThat(dev.muara.testkit.Rows.of(reader.next(java.time.Duration.ZERO))).containsExactly(row(3));
        }
        FileSources g = new FileSources(dir);
        assertThat(g.readAll(g.source("path", "objects.json"))).containsExactly(row(1), row(2));
    }

    @Test
    void malformed_json_fails_the_file_at_its_line() throws Exception {
        Files.write(dir.resolve("bad.json"), "[{\"id\": 1},\n {\"id\": }]".getBytes(StandardCharsets.UTF_8));
        FileSources f = new FileSources(dir);
        assertThatThrownBy(() -> f.readAll(f.source("path", "bad.json"))).isInstanceOf(MuaraException.class)
                .satisfies(e -> assertThat(((MuaraException) e).location()).startsWith("bad.json:2:"));
    }

    @Test
    void compressed_ndjson_reads_like_plain() throws Exception {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(dir.resolve("d.ndjson.gz")))) {
            out.write("{\"id\": 1, \"ok\": true}\n{\"id\": 2, \"ok\": false}\n".getBytes(StandardCharsets.UTF_8));
        }
        FileSources f = new FileSources(dir);
        assertThat(f.readAll(f.source("path", List.of("d.ndjson.gz")))).containsExactly(row(1, true), row(2, false));
    }
}
