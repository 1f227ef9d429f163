package dev.muara.transforms;

import dev.muara.api.data.Batch;
import dev.muara.api.option.Options;
import dev.muara.api.transform.Transform;
import dev.muara.api.transform.TransformConnector;
import dev.muara.api.transform.TransformContext;
import dev.muara.api.transform.TransformSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Transforms made as a pipeline makes them (by type, from options), and a context that records rejects. */
public final class TransformTesting {

    /** A rejected row: its index in the input batch and the reason. */
    public record Reject(int row, String reason) {
    }

    /** The rejects, quality reports and child rows of the transforms applied with it. */
    public static final class Context implements TransformContext {
        public final List<Reject> rejects = new ArrayList<>();
        /** Batches emitted for child streams, by stream, in order. */
        public final Map<String, List<Batch>> emitted = new LinkedHashMap<>();
        /** What {@link #batchOrigin()} answers. */
        public String origin = "data.ndjson@0";
        /** What {@link #mergeKey()} answers. */
        public List<String> mergeKey = List.of();

        @Override
        public String batchOrigin() {
            return origin;
        }

        @Override
        public List<String> mergeKey() {
            return mergeKey;
        }

        @Override
        public void emit(String childStream, Batch rows) {
            emitted.computeIfAbsent(childStream, s -> new ArrayList<>()).add(rows);
        }
        /** Rows checked and failed, by rule, of the last batch. */
        public final Map<String, long[]> quality = new HashMap<>();
        /** Failing values, by rule, of the last batch. */
        public final Map<String, List<String>> samples = new HashMap<>();

        @Override
        public void quality(String rule, String column, long checked, long failed, List<String> failing) {
            quality.put(rule, new long[] {checked, failed});
            samples.put(rule, failing);
        }

        @Override
        public String stream() {
            return "s";
        }

        @Override
        public void reject(Batch input, int row, String reason) {
            rejects.add(new Reject(row, reason));
        }
    }

    private TransformTesting() {
    }

    /** The transform of that type, configured with {@code options} as a pipeline's YAML would give them. */
    public static Transform transform(String type, Map<String, Object> options) {
        return transform(type, Path.of(""), options);
    }

    /** The same, for a pipeline in {@code baseDirectory}, against which relative paths in options resolve. */
    public static Transform transform(String type, Path baseDirectory, Map<String, Object> options) {
        for (TransformConnector connector : ServiceLoader.load(TransformConnector.class)) {
            if (connector.type().equals(type)) {
                return connector.create(new TransformSetup("test", baseDirectory), Options.of("transform " + type, options));
            }
        }
        throw new IllegalArgumentException("no transform " + type);
    }
}
