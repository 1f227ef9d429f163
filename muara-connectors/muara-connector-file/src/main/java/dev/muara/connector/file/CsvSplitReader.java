package dev.muara.connector.file;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.data.Field;
import dev.muara.api.data.Schema;
import dev.muara.api.error.MuaraException;
import dev.muara.api.option.ColumnSpec;
import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.RejectedRecord;
import dev.muara.formats.csv.CsvDialect;
import dev.muara.formats.csv.CsvParser;
import dev.muara.formats.io.Compression;
import dev.muara.formats.io.Utf8Transcoder;
import dev.muara.formats.text.TextConverter;
import dev.muara.formats.text.TypeInference;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one CSV file into batches. Opening reads the header and a sample from the start of the file to infer
 * column types (configured types win); reading then starts after the header, or at the resume position. A value
 * that does not fit an inferred type widens the column; one that does not fit a configured type rejects its row.
 * Ragged and malformed records are rejected with their line and text.
 *
 * <p>Position: {@code <byte offset>:<line>} of the next record in the (decompressed) file.
 */
final class CsvSplitReader extends FileSplitReader {

    private final List<String> names = new ArrayList<>();
    private final List<TextConverter> converters = new ArrayList<>();
    private final List<Boolean> inferred = new ArrayList<>();
    private CsvParser parser;
    private Schema schema;
    private boolean done;

    CsvSplitReader(Path file, String id, FileSettings settings, String resumeAt, ReaderContext context) throws IOException {
        super(id, context);
        Compression compression = settings.compressionOf(id);
        CsvDialect dialect = settings.dialectFor(id);
        long[] afterHeader = new long[] {0, 1};
        Charset charset = dialect.charset();
        try (FileInput sampleInput = FileInput.open(file, compression, 0, true)) {
            BufferedInputStream peek = new BufferedInputStream(sampleInput.data(), 64 * 1024);
            charset = byteOrderMark(peek, charset);
            CsvDialect sampleDialect = parserDialect(dialect, charset);
            CsvParser sampler = new CsvParser(decode(peek, charset), sampleDialect);
            readHeaderAndSample(sampler, dialect.header(), settings, afterHeader);
        }
        CsvDialect parsing = parserDialect(dialect, charset);
        boolean seekable = CsvParser.isAsciiCompatible(charset);
        long offset = afterHeader[0];
        long line = afterHeader[1];
        if (resumeAt != null) {
            String[] parts = resumeAt.split(":");
            offset = Long.parseLong(parts[0]);
            line = Long.parseLong(parts[1]);
        }
        if (seekable) {
            input = FileInput.open(file, compression, offset, true);
            parser = new CsvParser(input.data(), parsing, offset, line);
        } else {
            input = FileInput.open(file, compression, 0, true);
            InputStream decoded = decode(input.data(), charset);
            skipFully(decoded, offset);
            parser = new CsvParser(decoded, parsing, offset, line);
        }
        position = offset + ":" + line;
        schema = schema();
        done = names.isEmpty();
    }

    /** A BOM overrides the configured encoding: UTF-8, or UTF-16 in either byte order. */
    private static Charset byteOrderMark(BufferedInputStream in, Charset configured) throws IOException {
        in.mark(4);
        int a = in.read();
        int b = in.read();
        in.reset();
        if (a == 0xFE && b == 0xFF || a == 0xFF && b == 0xFE) {
            return StandardCharsets.UTF_16;
        }
        return configured;
    }

    private static CsvDialect parserDialect(CsvDialect dialect, Charset charset) {
        return CsvParser.isAsciiCompatible(charset) ? dialect.withCharset(charset) : dialect.withCharset(StandardCharsets.UTF_8);
    }

    private static InputStream decode(InputStream in, Charset charset) {
        return CsvParser.isAsciiCompatible(charset) ? in : new Utf8Transcoder(in, charset);
    }

    private static void skipFully(InputStream in, long bytes) throws IOException {
        long left = bytes;
        byte[] scratch = new byte[64 * 1024];
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw MuaraException.data("the file is shorter than the position to resume from");
            }
            left -= n;
        }
    }

    private void readHeaderAndSample(CsvParser sampler, boolean header, FileSettings settings, long[] afterHeader)
            throws IOException {
        if (!sampler.next()) {
            return;
        }
        int count = sampler.fieldCount();
        if (header) {
            if (sampler.problem() != null) {
                throw MuaraException.data("the header cannot be read: " + sampler.problem()).at(id + ":" + sampler.recordLine());
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String name = sampler.field(i) == null ? "" : sampler.field(i).strip();
                if (name.isEmpty()) {
                    name = "column_" + (i + 1);
                }
                String unique = name;
                for (int n = 2; !seen.add(unique); n++) {
                    unique = name + "_" + n;
                }
                names.add(unique);
            }
            afterHeader[0] = sampler.offset();
            afterHeader[1] = sampler.nextLine();
        } else {
            for (int i = 0; i < count; i++) {
                names.add(i < settings.columnNames().size() ? settings.columnNames().get(i) : "column_" + (i + 1));
            }
        }
        Map<String, ColumnSpec> configured = new LinkedHashMap<>(settings.columns());
        List<TypeInference> inference = new ArrayList<>();
        for (String name : names) {
            ColumnSpec spec = configured.remove(name);
            converters.add(spec == null ? null : TextConverter.of(spec.type(), spec.format()));
            inferred.add(spec == null);
            inference.add(spec == null ? new TypeInference() : null);
        }
        if (!configured.isEmpty()) {
            throw MuaraException.config("columns " + configured.keySet() + " are configured but " + id + " has no such column; its columns: "
                    + String.join(", ", names)).withHint("check the names under columns: against the file's header");
        }
        if (inferred.contains(Boolean.TRUE)) {
            int rows = 0;
            boolean first = !header;
            while (rows < settings.sampleRows() && (first || sampler.next())) {
                first = false;
                if (sampler.problem() != null || sampler.fieldCount() != names.size()) {
                    continue;
                }
                for (int i = 0; i < names.size(); i++) {
                    TypeInference column = inference.get(i);
                    String value = column == null ? null : sampler.field(i);
                    if (value != null) {
                        column.observe(value);
                    }
                }
                rows++;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (inferred.get(i)) {
                converters.set(i, inference.get(i).result());
            }
        }
    }

    private Schema schema() {
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            fields.add(new Field(names.get(i), converters.get(i).type()));
        }
        return new Schema(fields);
    }

    @Override
    public Batch next(Duration maxWait) throws IOException {
        if (done) {
            return null;
        }
        int n = names.size();
        int capacity = context.batchRows();
        Column[] columns = new Column[n];
        for (int i = 0; i < n; i++) {
            columns[i] = new Column(converters.get(i).type(), capacity);
        }
        boolean widened = false;
        int rows = 0;
        while (rows < capacity) {
            if (!parser.next()) {
                done = true;
                break;
            }
            if (parser.problem() != null) {
                reject(parser.problem());
                continue;
            }
            if (parser.fieldCount() != n) {
                reject("expected " + n + " fields, found " + parser.fieldCount());
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                String text = parser.field(i);
                Column column = columns[i];
                if (text == null) {
                    column.appendNull();
                } else if (!converters.get(i).append(text, column)) {
                    if (inferred.get(i)) {
                        TextConverter wider = TypeInference.widen(converters.get(i), TypeInference.of(text));
                        columns[i] = column.widenTo(wider.type());
                        converters.set(i, wider);
                        widened = true;
                        if (!wider.append(text, columns[i])) {
                            throw MuaraException.internal("widening " + names.get(i) + " to " + wider.type()
                                    + " did not make room for its value", null);
                        }
                    } else {
                        for (int j = 0; j < i; j++) {
                            columns[j].truncate(rows);
                        }
                        reject("column " + names.get(i) + ": " + abbreviate(text) + " is not a " + converters.get(i).type());
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) {
                rows++;
            }
        }
        position = parser.offset() + ":" + parser.nextLine();
        if (rows == 0 && done) {
            return null;
        }
        if (widened) {
            schema = schema();
        }
        return new Batch(schema, columns, rows);
    }

    private void reject(String reason) {
        context.reject(new RejectedRecord(id + ":" + parser.recordLine(), reason, parser.rawRecord()));
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? "'" + value.substring(0, 57) + "...'" : "'" + value + "'";
    }

}
