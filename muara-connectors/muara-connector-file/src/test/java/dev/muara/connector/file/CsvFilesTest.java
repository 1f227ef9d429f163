package dev.muara.connector.file;

import dev.muara.api.source.PlanContext;
import static dev.muara.testkit.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import dev.muara.api.data.Batch;
import dev.muara.api.data.DataType;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.Source;
import dev.muara.api.source.Split;
import dev.muara.api.source.SplitReader;
import dev.muara.testkit.Rows;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @TempDir
    Path dir;

    private FileSources files() {
        return new FileSources(dir);
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void quoted_fields_with_delimiters_quotes_and_line_breaks_load_intact() throws Exception {
        write("a.csv", "id,note\n1,\"Deliver after 5pm,\nnot before\"\n2,\"say \"\"hi\"\"\"\n3,plain\n");
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "a.csv"))).containsExactly(
                row(1, "Deliver after 5pm,\nnot before"), row(2, "say \"hi\""), row(3, "plain"));
    }

    @Test
    void a_byte_order_mark_and_crlf_line_ends_are_handled() throws Exception {
        byte[] body = "id,name\r\n1,José\r\n2,Zoë\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        write("bom.csv", bytes);
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "bom.csv"))).containsExactly(row(1, "José"), row(2, "Zoë"));
        assertThat(f.lastBatch().schema().names()).containsExactly("id", "name");
    }

    @Test
    void latin1_and_utf16_files_decode_with_their_encoding() throws Exception {
        write("latin1.csv", "id,name\n1,Müller\n2,Gonçalves\n".getBytes(Charset.forName("ISO-8859-1")));
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "latin1.csv", "encoding", "latin1")))
                .containsExactly(row(1, "Müller"), row(2, "Gonçalves"));

        write("utf16.csv", "id,name\n1,佐藤\n2,\"a,b\"\n".getBytes(StandardCharsets.UTF_16));
        FileSources g = files();
        assertThat(g.readAll(g.source("path", "utf16.csv"))).containsExactly(row(1, "佐藤"), row(2, "a,b"));
    }

    @Test
    void an_empty_file_and_a_header_only_file_give_no_rows_and_no_rejects() throws Exception {
        write("empty.csv", "");
        write("header.csv", "id,name\n");
        FileSources f = files();
        assertThat(f.readAll(f.source("path", List.of("empty.csv", "header.csv")))).isEmpty();
        assertThat(f.rejected).isEmpty();
    }

    @Test
    void ragged_rows_go_to_the_dead_letter_store_with_file_line_and_text() throws Exception {
        write("ragged.csv", "id,name,city\n1,Ana,Jakarta\n2,Budi\n3,Citra,Bandung,extra\n4,Dewi,Medan\n");
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "ragged.csv"))).containsExactly(row(1, "Ana", "Jakarta"), row(4, "Dewi", "Medan"));
        assertThat(f.rejected).hasSize(2);
        assertThat(f.rejected.get(0).location()).isEqualTo("ragged.csv:3");
        assertThat(f.rejected.get(0).reason()).isEqualTo("expected 3 fields, found 2");
        assertThat(f.rejected.get(0).original()).isEqualTo("2,Budi");
        assertThat(f.rejected.get(1).location()).isEqualTo("ragged.csv:4");
        assertThat(f.rejected.get(1).original()).isEqualTo("3,Citra,Bandung,extra");
    }

    @Test
    void a_value_that_does_not_fit_a_configured_type_rejects_its_row() throws Exception {
        write("typed.csv", "id,amount,day\n1,10.50,31/01/2024\n2,ten,01/02/2024\n3,7,32/01/2024\n");
        FileSources f = files();
        Source source = f.source("path", "typed.csv", "columns", Map.of(
                "amount", new ColumnSpec(DataType.decimal(12, 2), null),
                "day", new ColumnSpec(DataType.DATE, "dd/MM/yyyy")));
        assertThat(f.readAll(source)).containsExactly(row(1, new BigDecimal("10.50"), LocalDate.of(2024, 1, 31)));
        assertThat(f.rejected).extracting(r -> r.location() + " " + r.reason()).containsExactly(
                "typed.csv:3 column amount: 'ten' is not a decimal(12,2)",
                "typed.csv:4 column day: '32/01/2024' is not a date");
    }

    @Test
    void later_rows_that_do_not_fit_the_sampled_type_widen_the_column() throws Exception {
        StringBuilder csv = new StringBuilder("id,v\n");
        csv.append("1,5\n2,6\n");
        csv.append("3,3000000000\n");
        csv.append("4,2.5\n");
        csv.append("5,n/a\n");
        write("widen.csv", csv.toString());
        FileSources f = files();
        List<List<Object>> rows = f.readAll(f.source("path", "widen.csv", "sample_rows", 2L));
        assertThat(f.lastBatch().column("v").type()).isEqualTo(DataType.STRING);
        // values read before the widening keep their value, written in the canonical form of their earlier type
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("5.0", "6.0", "3000000000.0", "2.5", "n/a");
        assertThat(f.rejected).isEmpty();
    }

    @Test
    void types_are_inferred_from_the_sample() throws Exception {
        write("types.csv", "id,price,day,at,ok,code,note\n"
                + "1,10.25,2024-01-31,2024-01-31T10:00:00Z,true,007,\n"
                + "2,3.5,2024-02-29,2024-02-29 08:30:00+07:00,false,042,x\n");
        FileSources f = files();
        f.readAll(f.source("path", "types.csv"));
        assertThat(f.lastBatch().schema().toString()).isEqualTo(
                "[id int32, price decimal(18,2), day date, at timestamptz, ok boolean, code string, note string]");
        assertThat(f.lastBatch().column("at").getObject(1)).isEqualTo(Instant.parse("2024-02-29T01:30:00Z"));
    }

    @Test
    void gzip_and_zstd_files_read_like_plain_ones_and_resume_mid_file() throws Exception {
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(i).append(",\"row ").append(i).append(", quoted\"\n");
        }
        byte[] plain = csv.toString().getBytes(StandardCharsets.UTF_8);
        write("plain.csv", plain);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("data.csv.gz")))) {
            out.write(plain);
        }
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(dir.resolve("data.csv.zst")))) {
            out.write(plain);
        }
        FileSources f = files();
        List<List<Object>> expected = f.readAll(f.source("path", "plain.csv"));
        assertThat(expected).hasSize(1000);
        for (String name : List.of("data.csv.gz", "data.csv.zst")) {
            FileSources g = files();
            Source source = g.source("path", name);
            assertThat(g.readAll(source, 100)).as(name).isEqualTo(expected);
            Split split = source.plan(PlanContext.FIRST_RUN).get(0);
            String position;
            try (SplitReader reader = source.open(split, null, g.context(300))) {
                reader.next(Duration.ZERO);
                position = reader.position();
            }
            List<List<Object>> rest = new ArrayList<>();
            try (SplitReader reader = source.open(split, position, g.context(300))) {
                for (Batch b; (b = reader.next(Duration.ZERO)) != null; ) {
                    rest.addAll(Rows.of(b));
                }
            }
            assertThat(rest).as(name + " resumed").isEqualTo(expected.subList(300, 1000));
        }
    }

    @Test
    void tab_separated_files_headerless_files_and_custom_delimiters() throws Exception {
        write("a.tsv", "id\tname\n1\tAna, B.\n");
        write("noheader.csv", "1;x\n2;y\n");
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "a.tsv"))).containsExactly(row(1, "Ana, B."));
        FileSources g = files();
        assertThat(g.readAll(g.source("path", "noheader.csv", "header", false, "delimiter", ";",
                "column_names", List.of("n", "letter")))).containsExactly(row(1, "x"), row(2, "y"));
        assertThat(g.lastBatch().schema().names()).containsExactly("n", "letter");
    }

    @Test
    void globs_match_sorted_visible_files_and_a_missing_literal_path_is_an_error() throws Exception {
        write("data/2024/b.csv", "id\n2\n");
        write("data/2024/a.csv", "id\n1\n");
        write("data/c.csv", "id\n3\n");
        write("data/.hidden.csv", "id\n9\n");
        write("data/2024/notes.txt.bak", "x");
        FileSources f = files();
        assertThat(f.source("path", "data/**/*.csv").plan(PlanContext.FIRST_RUN)).extracting(Split::id)
                .containsExactly("data/2024/a.csv", "data/2024/b.csv", "data/c.csv");
        assertThat(f.source("path", "data/*.csv").plan(PlanContext.FIRST_RUN)).extracting(Split::id).containsExactly("data/c.csv");
        assertThat(f.source("path", "nothing/*.csv").plan(PlanContext.FIRST_RUN)).isEmpty();
        assertThatThrownBy(() -> f.source("path", "missing.csv").plan(PlanContext.FIRST_RUN)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("the file missing.csv does not exist");
    }

    @Test
    void a_split_fingerprint_changes_when_the_file_changes() throws Exception {
        write("f.csv", "id\n1\n");
        Source source = files().source("path", "f.csv");
        String before = source.plan(PlanContext.FIRST_RUN).get(0).fingerprint();
        write("f.csv", "id\n1\n2\n");
        assertThat(source.plan(PlanContext.FIRST_RUN).get(0).fingerprint()).isNotEqualTo(before);
    }

    @Test
    void the_stream_name_defaults_to_the_file_name_of_the_first_pattern() {
        FileSourceConnector connector = new FileSourceConnector();
        assertThat(connector.defaultStreamName(dev.muara.api.option.Options.of("s", Map.of("path", List.of("data/orders-*.csv.gz")))))
                .isEqualTo("orders");
        assertThat(connector.defaultStreamName(dev.muara.api.option.Options.of("s", Map.of("path", List.of("data/*.csv"))))).isNull();
    }

    @Test
    void an_unknown_extension_asks_for_a_format() throws Exception {
        write("data.dat", "id\n1\n");
        assertThatThrownBy(() -> files().source("path", "data.dat").plan(PlanContext.FIRST_RUN)).isInstanceOf(MuaraException.class)
                .hasMessageContaining("cannot tell the format of data.dat");
        FileSources f = files();
        assertThat(f.readAll(f.source("path", "data.dat", "format", "csv"))).containsExactly(row(1));
    }
}
