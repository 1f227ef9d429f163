package dev.muara.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The suite's input data, the same bytes for the same row count on every machine (a fixed seed), written once per
 * size and kept in the work folder so repeated runs do not pay for it.
 *
 * <p>The flat file has the columns the issue names: bigint, int, double, decimal(12,2), short and long text, date and
 * timestamp with zone, with some nulls. The nested file has an object and two levels of arrays of objects.
 */
public final class DataGenerator {

    /** The flat file's columns, in order, with the PostgreSQL types the references load them into. */
    static final String FLAT_COLUMNS_SQL = "id bigint, qty integer, price double precision, amount numeric(12,2), "
            + "code text, note text, day date, ts timestamptz";

    private static final long SEED = 20261125L;
    private static final String[] WORDS = {"river", "mouth", "data", "stream", "delta", "harbour", "north", "south",
        "order", "parcel", "late", "fragile", "express", "return", "gift", "wrap", "café", "Zürich", "Jakarta", "naïve"};
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private DataGenerator() {
    }

    /** The flat CSV file with {@code rows} rows and a header, made when missing. */
    static Path flatCsv(Path folder, long rows) throws IOException {
        return writeOnce(folder.resolve("rows-" + rows + ".csv"), out -> writeFlat(out, rows));
    }

    /** The flat CSV file's bytes, made in memory: the same bytes as {@link #flatCsv(Path, long)} writes. */
    public static byte[] flatCsv(int rows) {
        StringBuilder out = new StringBuilder(rows * 200);
        try {
            writeFlat(out, rows);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeFlat(Appendable out, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder line = new StringBuilder(512);
        out.append("id,qty,price,amount,code,note,day,ts\n");
        for (long i = 1; i <= rows; i++) {
            line.setLength(0);
            line.append(10_000_000_000L + i).append(',');
            if (random.nextInt(20) != 0) {
                line.append(random.nextInt(-1000, 100_000));
            }
            line.append(',').append(random.nextDouble() * 1000).append(',');
            if (random.nextInt(50) != 0) {
                long cents = random.nextLong(-10_000_000L, 1_000_000_000_00L);
                line.append(cents / 100).append('.').append(String.format("%02d", Math.abs(cents % 100)));
            }
            line.append(",SKU-").append(10_000 + random.nextInt(90_000)).append(',');
            if (random.nextInt(10) != 0) {
                line.append('"').append(note(random).replace("\"", "\"\"")).append('"');
            }
            line.append(',').append(FIRST_DAY.plusDays(random.nextInt(2000))).append(',');
            line.append(timestamp(random)).append('\n');
            out.append(line);
        }
    }

    /**
     * The nested NDJSON file: {@code documents} customers, each with an address object and a list of orders, each
     * order with a list of items. Returns the file; {@link #nestedCounts} gives the child rows it holds.
     */
    static Path nestedNdjson(Path folder, long documents) throws IOException {
        return writeOnce(folder.resolve("nested-" + documents + ".ndjson"), out -> {
            SplittableRandom random = new SplittableRandom(SEED);
            StringBuilder line = new StringBuilder(1024);
            long orderId = 0;
            for (long id = 1; id <= documents; id++) {
                line.setLength(0);
                line.append("{\"customer_id\":").append(id)
                        .append(",\"name\":\"").append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(id)
                        .append("\",\"address\":{\"city\":\"").append(WORDS[random.nextInt(WORDS.length)])
                        .append("\",\"zip\":\"").append(10_000 + random.nextInt(90_000)).append("\"}")
                        .append(",\"since\":\"").append(FIRST_DAY.plusDays(random.nextInt(2000))).append('"')
                        .append(",\"orders\":[");
                int orders = ordersOf(id);
                for (int o = 0; o < orders; o++) {
                    line.append(o == 0 ? "" : ",").append("{\"order_id\":").append(++orderId)
                            .append(",\"total\":").append(random.nextInt(100, 100_000) / 100.0)
                            .append(",\"items\":[");
                    int items = itemsOf(orderId);
                    for (int i = 0; i < items; i++) {
                        line.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(10_000 + random.nextInt(90_000))
                                .append("\",\"qty\":").append(1 + random.nextInt(9)).append('}');
                    }
                    line.append("]}");
                }
                line.append("]}\n");
                out.append(line);
            }
        });
    }

    @FunctionalInterface
    private interface Content {
        void write(BufferedWriter out) throws IOException;
    }

    /** Writes {@code file} unless it exists, through a partial file, so a stopped run leaves no half file behind. */
    private static Path writeOnce(Path file, Content content) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            content.write(out);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** Rows of the nested file's tables: {customers, orders, items}. */
    static long[] nestedCounts(long documents) {
        long orders = 0;
        long items = 0;
        long orderId = 0;
        for (long id = 1; id <= documents; id++) {
            int n = ordersOf(id);
            orders += n;
            for (int o = 0; o < n; o++) {
                items += itemsOf(++orderId);
            }
        }
        return new long[] {documents, orders, items};
    }

    // list lengths follow from the ids, not the random stream, so the counts are known without reading the file
    private static int ordersOf(long customerId) {
        return (int) (customerId % 4);
    }

    private static int itemsOf(long orderId) {
        return 1 + (int) (orderId % 3);
    }

    private static String note(SplittableRandom random) {
        int words = 5 + random.nextInt(30);
        StringBuilder note = new StringBuilder(words * 8);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                note.append(random.nextInt(8) == 0 ? ", " : " ");
            }
            note.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return note.toString();
    }

    private static String timestamp(SplittableRandom random) {
        int offsetHours = random.nextInt(-5, 10);
        return FIRST_DAY.plusDays(random.nextInt(2000)) + String.format("T%02d:%02d:%02d.%03d%s%02d:00",
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000),
                offsetHours < 0 ? "-" : "+", Math.abs(offsetHours));
    }
}
