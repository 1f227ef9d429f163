package dev.muara.formats.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<List<String>> parse(String text, CsvDialect dialect) throws IOException {
        return parse(text.getBytes(dialect.charset()), dialect);
    }

    private static List<List<String>> parse(byte[] bytes, CsvDialect dialect) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser parser = new CsvParser(new ByteArrayInputStream(bytes), dialect)) {
            while (parser.next()) {
                List<String> row = new ArrayList<>();
                if (parser.problem() != null) {
                    row.add("!" + parser.problem() + "|" + parser.rawRecord() + "|" + parser.recordLine());
                }
                for (int i = 0; i < parser.fieldCount(); i++) {
                    row.add(parser.field(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void quoted_fields_keep_delimiters_quotes_and_line_breaks() throws IOException {
        var rows = parse("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n", CsvDialect.RFC4180);
        assertThat(rows).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "x, y", "say \"hi\""),
                List.of("2", "two\nlines", "z"));
    }

    @Test
    void crlf_lf_and_cr_line_ends_and_a_missing_final_line_break() throws IOException {
        assertThat(parse("a,b\r\n1,2\r\n3,4", CsvDialect.RFC4180))
                .containsExactly(List.of("a", "b"), List.of("1", "2"), List.of("3", "4"));
        assertThat(parse("a,b\r1,2\r", CsvDialect.RFC4180)).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(parse("a,\"b\r\nc\"\r\n", CsvDialect.RFC4180)).containsExactly(List.of("a", "b\r\nc"));
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped() throws IOException {
        byte[] body = "name,city\nJosé,São Paulo\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertThat(parse(bytes, CsvDialect.RFC4180)).containsExactly(List.of("name", "city"), List.of("José", "São Paulo"));
    }

    @Test
    void latin1_text_decodes_with_its_declared_charset() throws IOException {
        CsvDialect latin1 = CsvDialect.RFC4180.withCharset(Charset.forName("ISO-8859-1"));
        assertThat(parse("name\nMüller\nGonçalves\n", latin1))
                .containsExactly(List.of("name"), List.of("Müller"), List.of("Gonçalves"));
    }

    @Test
    void unquoted_empty_fields_are_null_and_quoted_empty_fields_are_empty_strings() throws IOException {
        var rows = parse("a,b,c\n,\"\",x\n1,2,\n", CsvDialect.RFC4180);
        assertThat(rows.get(1)).containsExactly(null, "", "x");
        assertThat(rows.get(2)).containsExactly("1", "2", null);
    }

    @Test
    void custom_delimiter_quote_escape_and_null_values() throws IOException {
        CsvDialect dialect = CsvDialect.RFC4180.withDelimiter(';').withQuote('\'').withEscape('\\')
                .withNullValues(java.util.Set.of("", "NULL"));
        assertThat(parse("a;b\n'it\\'s; fine';NULL\n", dialect))
                .containsExactly(List.of("a", "b"), Arrays.asList("it's; fine", null));
    }

    @Test
    void blank_lines_are_skipped_and_line_numbers_count_every_physical_line() throws IOException {
        List<Long> lines = new ArrayList<>();
        try (CsvParser parser = new CsvParser(
                new ByteArrayInputStream("a\n\n1\n\"x\ny\"\n\r\n2\n".getBytes(StandardCharsets.UTF_8)), CsvDialect.RFC4180)) {
            while (parser.next()) {
                lines.add(parser.recordLine());
            }
        }
        assertThat(lines).containsExactly(1L, 3L, 4L, 7L);
    }

    @Test
    void text_after_a_closing_quote_is_a_problem_and_parsing_goes_on() throws IOException {
        var rows = parse("a,b\n\"x\"y,1\n2,3\n", CsvDialect.RFC4180);
        assertThat(rows.get(1).get(0)).startsWith("!unexpected character 'y' after a closing quote|\"x\"y,1|2");
        assertThat(rows.get(2)).containsExactly("2", "3");
    }

    @Test
    void an_unclosed_quote_costs_one_line_not_the_rest_of_the_file() throws IOException {
        var rows = parse("a,b\n1,\"oops\n2,3\n4,5\n", CsvDialect.RFC4180);
        assertThat(rows.get(1).get(0)).isEqualTo("!a quoted field is not closed before the end of the file|1,\"oops|2");
        assertThat(rows.subList(2, rows.size())).containsExactly(List.of("2", "3"), List.of("4", "5"));
    }

    @Test
    void a_record_longer_than_the_limit_is_a_problem_and_parsing_goes_on() throws IOException {
        CsvDialect dialect = CsvDialect.RFC4180.withMaxRecordBytes(64);
        String longField = "x".repeat(100);
        var rows = parse("a\n\"" + longField + "\n" + "b\n", dialect);
        assertThat(rows.get(1).get(0)).startsWith("!the record is longer than 64 bytes");
        assertThat(rows.get(rows.size() - 1)).containsExactly("b");
    }

    @Test
    void records_crossing_buffer_boundaries_parse_the_same() throws IOException {
        StringBuilder text = new StringBuilder("id,text\n");
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",\"line ").append(i).append(" has, a comma\nand a \"\"quote\"\"\"\n");
        }
        InputStream trickle = new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        int count = 0;
        try (CsvParser parser = new CsvParser(trickle, CsvDialect.RFC4180)) {
            parser.next();
            while (parser.next()) {
                assertThat(parser.field(0)).isEqualTo(Integer.toString(count));
                assertThat(parser.field(1)).isEqualTo("line " + count + " has, a comma\nand a \"quote\"");
                count++;
            }
        }
        assertThat(count).isEqualTo(20_000);
    }

    @Test
    void a_parser_resumed_at_an_offset_continues_exactly_there() throws IOException {
        byte[] bytes = "a,b\n1,x\n2,\"y\nz\"\n3,w\n".getBytes(StandardCharsets.UTF_8);
        long offset;
        long line;
        try (CsvParser parser = new CsvParser(new ByteArrayInputStream(bytes), CsvDialect.RFC4180)) {
            parser.next();
            parser.next();
            offset = parser.offset();
            line = parser.nextLine();
        }
        InputStream rest = new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
        try (CsvParser parser = new CsvParser(rest, CsvDialect.RFC4180.withHeader(false), offset, line)) {
            assertThat(parser.next()).isTrue();
            assertThat(parser.field(1)).isEqualTo("y\nz");
            assertThat(parser.recordLine()).isEqualTo(3);
            assertThat(parser.next()).isTrue();
            assertThat(parser.recordLine()).isEqualTo(5);
            assertThat(parser.offset()).isEqualTo(bytes.length);
        }
    }

    @Test
    void an_empty_input_has_no_records() throws IOException {
        assertThat(parse("", CsvDialect.RFC4180)).isEmpty();
        assertThat(parse("\n\n", CsvDialect.RFC4180)).isEmpty();
    }
}
