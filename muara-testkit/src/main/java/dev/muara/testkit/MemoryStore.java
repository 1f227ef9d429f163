package dev.muara.testkit;

import dev.muara.api.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a {@link MemorySink} has committed, kept across runs so tests can look at it. Thread-safe. */
public final class MemoryStore {

    private final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new LinkedHashMap<>();
    private final Map<String, List<List<Object>>> staging = new LinkedHashMap<>();
    private final List<Long> checkpoints = new ArrayList<>();
    private String state;

    public synchronized List<List<Object>> table(String name) {
        return new ArrayList<>(tables.getOrDefault(name, List.of()));
    }

    public synchronized Schema schema(String name) {
        return schemas.get(name);
    }

    /** The ids of every committed checkpoint, in order. */
    public synchronized List<Long> checkpoints() {
        return new ArrayList<>(checkpoints);
    }

    public synchronized String state() {
        return state;
    }

    /** Rows of a replace in progress, committed but not yet swapped in. */
    synchronized List<List<Object>> staging(String table) {
        return new ArrayList<>(staging.getOrDefault(table, List.of()));
    }

    synchronized void clearStaging(String table) {
        staging.remove(table);
    }

    synchronized void commit(Map<String, List<List<Object>>> replaced, Map<String, List<List<Object>>> added,
            Map<String, List<List<Object>>> staged, Map<String, Schema> newSchemas, long checkpoint, String newState) {
        staged.forEach((table, rows) -> staging.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows));
        replaced.keySet().forEach(staging::remove);
        tables.putAll(replaced);
        added.forEach((table, rows) -> tables.computeIfAbsent(table, t -> new ArrayList<>()).addAll(rows));
        schemas.putAll(newSchemas);
        checkpoints.add(checkpoint);
        state = newState;
    }

    synchronized void resetState() {
        state = null;
    }

    synchronized long lastCheckpoint() {
        return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1);
    }
}
