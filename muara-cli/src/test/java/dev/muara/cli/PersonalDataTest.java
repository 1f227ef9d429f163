package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns marked as personal data, from a file into DuckDB, and the check before a target elsewhere. */
class PersonalDataTest {

    private static final Function<String, String> ENVIRONMENT =
            Map.of("PII_KEY", "a-key-of-32-bytes-for-the-tests!")::get;

    /** Every clear value of the marked columns, as the file holds them. */
    private static final List<String> CLEAR = List.of("Siti Rahayu", "siti.rahayu@example.com", "1234567890",
            "Budi Santoso", "budi.santoso@example.com", "2198765432", "Ñoño Pérez", "nono.perez@correo.es",
            "Dewi Lestari", "dewi@example.com", "3344556677");

    private static final String CHAIN = """
            transforms:
              - {type: cast, columns: {amount: "decimal(12,2)"}}
              - {type: hash, columns: [email], key: "${env:PII_KEY}", normalize: lower_trim}
              - {type: mask, columns: [phone], keep_last: 4}
              - {type: redact, columns: [name]}
            """;

    @TempDir
    Path dir;

    @Test
    void clear_values_of_personal_data_appear_nowhere_muara_writes() throws Exception {
        Files.writeString(dir.resolve("customers.csv"), """
                id,name,email,phone,amount
                1,Siti Rahayu,siti.rahayu@example.com,081234567890,12.50
                2,Budi Santoso,budi.santoso@example.com,082198765432,abc
                3,Ñoño Pérez,nono.perez@correo.es,,7.00
                4,Dewi Lestari,dewi@example.com,083344556677,1.00,surplus
                """);
        Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
                name: customers
                pii: [name, email, phone]
                source: {type: file, path: customers.csv, columns: {phone: string}}
                %starget: {type: duckdb, path: customers.duckdb, table: customers}
                errors: {max_rejects: 5}
                """.formatted(CHAIN));

        Cli.Result validate = Cli.run(ENVIRONMENT, "validate", pipeline.toString());
        assertThat(validate.exitCode()).as(validate.all()).isZero();
        Cli.Result run = Cli.run(ENVIRONMENT, "run", pipeline.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        Cli.Result preview = Cli.run(ENVIRONMENT, "preview", pipeline.toString());
        assertThat(preview.exitCode()).as(preview.all()).isZero();

        Path db = dir.resolve("customers.duckdb");
        List<List<String>> rows = Duck.rows(db, "SELECT id, name, email, phone, amount FROM customers ORDER BY id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("1", "[REDACTED]", rows.get(0).get(2), "********7890", "12.50");
        assertThat(rows.get(0).get(2)).hasSize(64).matches("[0-9a-f]+");
        assertThat(rows.get(1)).containsExactly("3", "[REDACTED]", rows.get(1).get(2), null, "7.00");
        assertThat(preview.out()).contains("********7890").contains(rows.get(0).get(2).substring(0, 39)).contains("[REDACTED]");

        Path deadLetter;
        try (Stream<Path> files = Files.walk(dir.resolve(".muara"))) {
            deadLetter = files.filter(f -> f.toString().contains("dead-letter") && Files.isRegularFile(f)).findFirst()
                    .orElseThrow();
        }
        assertThat(Files.readAllLines(deadLetter)).hasSize(2);
        assertThat(Files.readString(deadLetter))
                // the row the cast rejected, parsed: personal data hidden, the rest kept for repair
                .contains("cast amount: 'abc' is not a decimal(12,2)").contains("\\\"name\\\": \\\"[pii]\\\"")
                .contains("\\\"amount\\\": \\\"abc\\\"")
                // the line the file source could not read: only where it is
                .contains("customers.csv:5").contains("withheld");

        List<String> everything = new ArrayList<>();
        everything.add(validate.all());
        everything.add(run.all());
        everything.add(preview.all());
        everything.add(String.valueOf(Duck.rows(db, "SELECT * FROM customers")));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.equals(dir.resolve("customers.csv"))) {
                    everything.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        for (String value : CLEAR) {
            assertThat(everything).as(value).noneMatch(text -> text.contains(value));
        }
    }

    @Test
    void personal_data_without_protection_is_refused_before_a_target_elsewhere_and_allowed_into_duckdb()
            throws Exception {
        Files.writeString(dir.resolve("customers.csv"), "id,email,phone\n1,siti@example.com,0811000111\n");
        String source = "name: customers\npii: [email, phone]\nsource: {type: file, path: customers.csv}\n";
        Path postgres = Files.writeString(dir.resolve("postgres.yaml"), source
                + "transforms:\n  - {type: mask, columns: [phone]}\n"
                + "target: {type: postgres, host: db.internal, user: loader, database: shop, table: customers}\n");
        Cli.Result refused = Cli.run(ENVIRONMENT, "validate", postgres.toString());
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("postgres.yaml:2: pii: column 'email' is marked as personal data but would "
                + "reach target 'postgres' in clear, and that target sends data off this machine; protect it with a "
                + "transform ({type: hash, columns: [email], key: ${env:PII_KEY}}, or mask, redact, drop)")
                .doesNotContain("column 'phone'");
        Cli.Result run = Cli.run(ENVIRONMENT, "run", postgres.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("column 'email' is marked as personal data");

        Path protectedByDrop = Files.writeString(dir.resolve("dropped.yaml"), source
                + "transforms:\n  - {type: mask, columns: [phone]}\n  - {type: drop, columns: [email]}\n"
                + "target: {type: postgres, host: db.internal, user: loader, database: shop, table: customers}\n");
        Cli.Result dropped = Cli.run(ENVIRONMENT, "validate", protectedByDrop.toString());
        assertThat(dropped.exitCode()).as(dropped.all()).isZero();

        Path duckdb = Files.writeString(dir.resolve("local.yaml"), source
                + "target: {type: duckdb, path: customers.duckdb}\n");
        Cli.Result local = Cli.run(ENVIRONMENT, "validate", duckdb.toString());
        assertThat(local.exitCode()).as(local.all()).isZero();
    }
}
