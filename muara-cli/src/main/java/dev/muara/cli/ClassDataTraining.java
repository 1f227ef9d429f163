package dev.muara.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The launcher's training run for class-data sharing: runs small pipelines in a temporary folder, in one JVM, so the
 * archive the JVM writes at its exit holds the classes most pipelines need (the CLI, the file source's CSV and JSON
 * readers, DuckDB, the transforms and the expression language, the PostgreSQL target's checks), not only those of
 * whatever command happened to run first. Its output is of no interest; it leaves nothing behind.
 */
final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("muara-cds-");
        try {
            int failures = train(folder);
            System.exit(failures == 0 ? 0 : 1);
        } finally {
            delete(folder);
        }
    }

    /** Runs the training pipelines in {@code folder}; returns how many of them failed. */
    static int train(Path folder) throws IOException {
        StringBuilder csv = new StringBuilder("id,qty,price,amount,code,note,day,ts\n");
        for (int i = 1; i <= 50; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(i * 1.5).append(',').append(i).append(".25,C")
                    .append(i).append(",\"a, b\",2026-01-").append(10 + i % 20).append(",2026-01-02T03:04:05Z\n");
        }
        Files.writeString(folder.resolve("rows.csv"), csv);
        Files.writeString(folder.resolve("docs.ndjson"), """
                {"id": 1, "address": {"city": "Jakarta"}, "orders": [{"no": 1, "items": [{"sku": "a", "qty": 2}]}]}
                {"id": 2, "address": {"city": "Bandung"}, "orders": []}
                """);
        Path transforms = Files.writeString(folder.resolve("transforms.yaml"), """
                name: training_transforms
                source: {type: file, path: rows.csv, columns: {amount: "decimal(12,2)"}}
                transforms:
                  - {type: cast, columns: {price: "decimal(12,2)", day: date}}
                  - {type: derive, column: bucket, expression: "id % 10"}
                  - {type: filter, expression: "id > 0 && code.startsWith('C')"}
                  - {type: check, rule: range, column: qty, min: "0"}
                  - {type: redact, columns: [code]}
                  - {type: mask, columns: [note], keep_last: 1}
                  - {type: trim}
                  - {type: rename, columns: {note: comment}}
                target: {type: duckdb, path: training.duckdb, table: rows, write: replace}
                """);
        Path nested = Files.writeString(folder.resolve("nested.yaml"), """
                name: training_nested
                source: {type: file, path: docs.ndjson, flatten: true}
                transforms:
                  - {type: unnest, column: orders}
                target: {type: duckdb, path: training.duckdb, table: customers, write: append}
                """);
        Path postgres = Files.writeString(folder.resolve("postgres.yaml"), """
                name: training_postgres
                source: {type: file, path: rows.csv}
                target: {type: postgres, host: 127.0.0.1, user: muara, database: muara, table: rows}
                """);
        int failures = 0;
        for (String[] command : new String[][] {{"run", "--progress", "none", transforms.toString()},
            {"run", "--progress", "none", nested.toString()}, {"validate", postgres.toString()}}) {
            failures += Main.run(command) == 0 ? 0 : 1;
        }
        return failures;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
