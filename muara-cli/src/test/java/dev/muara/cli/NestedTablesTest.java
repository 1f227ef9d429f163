package dev.muara.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.muara.testkit.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nested NDJSON with two levels of arrays, file → DuckDB through {@code unnest}: a parent table and two child tables
 * whose join gives back every input document.
 */
class NestedTablesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Nulls, empty arrays, a missing array, arrays of scalars, an object, non-ASCII text, mixed number types. */
    private static final String ORDERS = """
            {"order_id": 1, "customer": "Siti Ñúñez", "items": [{"sku": "kopi-α", "qty": 2, "discounts": [{"code": "HEMAT", "pct": 10}, {"code": "日本", "pct": 5}]}, {"sku": "teh", "qty": 1, "discounts": []}]}
            {"order_id": 2, "customer": null, "items": []}
            {"order_id": 3, "customer": "Budi", "items": null}
            {"order_id": 4, "customer": "Ana"}
            {"order_id": 5, "customer": "Émile", "items": [{"sku": "gula", "qty": null, "discounts": null}, {"sku": "garam", "qty": 3, "note": "extra 🌶", "discounts": [{"code": "X", "pct": 1.5}]}]}
            {"order_id": 6, "customer": "Dewi", "items": [{"sku": "susu", "qty": 1, "tags": ["dingin", "manis"]}], "address": {"city": "Yogyakarta"}}
            """;

    private static final String PIPELINE = """
            name: orders
            source: {type: file, path: orders.ndjson}
            target: {type: duckdb, path: orders.duckdb, table: orders%s}
            transforms:
              - {type: unnest, column: items}
            """;

    @TempDir
    Path dir;

    @Test
    void two_levels_of_arrays_land_as_a_parent_and_two_child_tables_whose_join_gives_back_the_documents() throws Exception {
        Files.writeString(dir.resolve("orders.ndjson"), ORDERS);
        Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), PIPELINE.formatted(""));
        // the reference shows this very pipeline
        assertThat(Files.readString(Files2.projectRoot().resolve("docs/transforms.md"))).contains(PIPELINE.formatted(""));

        Cli.Result result = Cli.run("run", pipeline.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("orders__items__discounts\\s+orders__items__discounts\\s+append");

        Path db = dir.resolve("orders.duckdb");
        assertThat(Duck.rows(db, "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'orders%' ORDER BY 1"))
                .containsExactly(List.of("orders"), List.of("orders__items"), List.of("orders__items__discounts"));
        assertThat(Duck.count(db, "SELECT count(*) FROM orders__items")).isEqualTo(5);
        assertThat(Duck.count(db, "SELECT count(*) FROM orders__items__discounts")).isEqualTo(3);
        List<String> rebuilt = rebuilt(db);
        assertThat(rebuilt.get(0)).isEqualTo("{\"customer\":\"Siti Ñúñez\",\"items\":[{\"discounts\":[{\"code\":\"HEMAT\",\"pct\":10},"
                + "{\"code\":\"日本\",\"pct\":5}],\"qty\":2,\"sku\":\"kopi-α\"},{\"discounts\":[],\"qty\":1,\"sku\":\"teh\"}],\"order_id\":1}");
        assertThat(rebuilt).containsExactlyElementsOf(documents(ORDERS));
    }

    @Test
    void preview_shows_how_many_rows_go_to_each_child_table() throws Exception {
        Files.writeString(dir.resolve("orders.ndjson"), ORDERS);
        Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), PIPELINE.formatted(""));
        Cli.Result preview = Cli.run("preview", pipeline.toString());
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        assertThat(preview.out()).contains("1. unnest: 6 → 6 rows, 5 to orders__items, 3 to orders__items__discounts",
                "    _muara_id  string");
    }

    @Test
    void merging_the_same_documents_again_from_other_positions_updates_child_rows_in_place() throws Exception {
        Files.writeString(dir.resolve("orders.ndjson"), ORDERS);
        Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"),
                PIPELINE.formatted(", write: merge, primary_key: [order_id]"));
        Cli.Result first = Cli.run("run", pipeline.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();

        // a new first line moves every document: ids come from the key, not the position, so nothing is duplicated
        String changed = """
                {"order_id": 7, "customer": "Wayan", "items": [{"sku": "kopi-α", "qty": 9, "discounts": [{"code": "BARU", "pct": 20}]}]}
                """ + ORDERS.replace("\"qty\": 2", "\"qty\": 20");
        Files.writeString(dir.resolve("orders.ndjson"), changed);
        Cli.Result second = Cli.run("run", pipeline.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();

        Path db = dir.resolve("orders.duckdb");
        assertThat(Duck.count(db, "SELECT count(*) FROM orders")).isEqualTo(7);
        assertThat(Duck.count(db, "SELECT count(*) FROM orders__items")).isEqualTo(6);
        assertThat(Duck.count(db, "SELECT count(*) FROM orders__items__discounts")).isEqualTo(4);
        assertThat(Duck.count(db, "SELECT count(*) FROM (SELECT DISTINCT _muara_parent_id, _muara_list_index FROM orders__items)"))
                .isEqualTo(6);
        assertThat(rebuilt(db)).containsExactlyInAnyOrderElementsOf(documents(changed));
    }

    @Test
    void child_tables_load_into_postgresql_with_their_parent_and_merge_again_in_place() throws Exception {
        // PostgreSQL loads by COPY, and a connection in the middle of a COPY answers nothing else: the child
        // tables (created, staged for merge) come in between the parent's batches
        String database = TestDatabases.newPostgresDatabase();
        TestDatabases.Server pg = TestDatabases.postgres();
        Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
                name: orders
                source: {type: file, path: orders.ndjson}
                target: {type: postgres, host: %s, port: %d, user: %s, database: %s, table: orders, write: merge,
                         primary_key: [order_id]}
                transforms:
                  - {type: unnest, column: items}
                """.formatted(pg.host(), pg.port(), pg.user(), database));
        String changed = ORDERS.replace("\"qty\": 2", "\"qty\": 20");
        for (String input : List.of(ORDERS, changed)) {
            Files.writeString(dir.resolve("orders.ndjson"), input);
            Cli.Result result = Cli.run("run", pipeline.toString());
            assertThat(result.exitCode()).as(result.all()).isZero();
        }
        assertThat(rebuilt(table -> {
            List<String> rows = new ArrayList<>();
            try (Connection c = TestDatabases.postgresConnection(database); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
            return rows;
        })).containsExactlyElementsOf(documents(changed));
    }

    /** The rows of a table, each as a JSON object. */
    private interface TableRows {
        List<String> read(String table) throws Exception;
    }

    private static List<String> rebuilt(Path db) throws Exception {
        return rebuilt(table -> Duck.rows(db, "SELECT to_json(t) FROM " + table + " t").stream().map(r -> r.get(0))
                .toList());
    }

    /** Each order rebuilt from the three tables: child rows under their parent's key, in list order. */
    private static List<String> rebuilt(TableRows read) throws Exception {
        Map<String, List<JsonNode>> tables = new TreeMap<>();
        for (String table : List.of("orders", "orders__items", "orders__items__discounts")) {
            List<JsonNode> rows = new ArrayList<>();
            for (String row : read.read(table)) {
                rows.add(JSON.readTree(row));
            }
            tables.put(table, rows);
        }
        List<String> documents = new ArrayList<>();
        tables.get("orders").stream().sorted(Comparator.comparingLong(o -> o.get("order_id").asLong()))
                .forEach(order -> documents.add(canonical(rebuild(order, "orders", tables))));
        return documents;
    }

    private static JsonNode rebuild(JsonNode row, String table, Map<String, List<JsonNode>> tables) {
        var out = JSON.createObjectNode();
        row.properties().forEach(p -> out.set(p.getKey(), p.getValue()));
        String id = row.get("_muara_id").asString();
        for (Map.Entry<String, List<JsonNode>> child : tables.entrySet()) {
            String key = child.getKey().startsWith(table + "__") ? child.getKey().substring(table.length() + 2) : null;
            if (key == null || key.contains("__")) {
                continue;
            }
            var elements = JSON.createArrayNode();
            child.getValue().stream().filter(c -> c.get("_muara_parent_id").asString().equals(id))
                    .sorted(Comparator.comparingInt(c -> c.get("_muara_list_index").asInt()))
                    .forEach(c -> elements.add(rebuild(c, child.getKey(), tables)));
            if (!elements.isEmpty()) {
                out.set(key, elements);
            }
        }
        out.propertyNames().stream().filter(name -> name.startsWith("_muara_")).toList().forEach(out::remove);
        return out;
    }

    private static List<String> documents(String ndjson) {
        List<String> documents = new ArrayList<>();
        ndjson.lines().sorted().map(JSON::readTree)
                .sorted(Comparator.comparingLong(d -> d.get("order_id").asLong()))
                .forEach(d -> documents.add(canonical(d)));
        return documents;
    }

    /** JSON text with sorted keys, numbers by value, and no null members: a table cannot tell null from missing. */
    private static String canonical(JsonNode node) {
        if (node.isObject()) {
            StringBuilder out = new StringBuilder("{");
            new TreeMap<>(Map.ofEntries(node.properties().stream().filter(p -> !p.getValue().isNull())
                    .toArray(Map.Entry[]::new))).forEach((k, v) -> out.append(out.length() > 1 ? "," : "")
                            .append('"').append(k).append("\":").append(canonical((JsonNode) v)));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(canonical(e)));
            return "[" + String.join(",", elements) + "]";
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.toString();
    }
}
