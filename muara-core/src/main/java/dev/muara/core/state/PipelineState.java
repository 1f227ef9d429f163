package dev.muara.core.state;

import dev.muara.api.error.MuaraException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a pipeline has loaded, as committed with its data: for every stream, every split seen with its
 * fingerprint and position, and whether it is finished; the last checkpoint id; and whether the run that wrote
 * it completed. Owned by the engine's writer thread; stored as JSON by the sink (in the same transaction as the
 * data) or in the work folder.
 */
public final class PipelineState {

    /** The format version written into the JSON. */
    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private long checkpoint;
    private String runId;
    private boolean complete = true;
    private final Map<String, Map<String, SplitState>> streams = new LinkedHashMap<>();

    /**
     * One split's progress.
     *
     * @param fingerprint the split's fingerprint when it was read
     * @param position where reading stands (null: not started)
     * @param done whether the split was read to its end
     * @param again whether a new run reads it again (from {@code position}, or from its start when that is null),
     *     as a full load of a table or an incremental one does; a run that resumes one cut short does not
     */
    public record SplitState(String fingerprint, String position, boolean done, boolean again) {
    }

    /** An empty state: nothing loaded yet. */
    public PipelineState() {
    }

    /** The state in {@code json}, as written by {@link #toJson}. */
    public static PipelineState parse(String json) {
        PipelineState state = new PipelineState();
        try {
            JsonNode root = JSON.readTree(json);
            int version = root.path("version").asInt(0);
            if (version != VERSION) {
                throw MuaraException.data("the pipeline state has format version " + version + ", this Muara reads version " + VERSION)
                        .withHint("use the Muara version that wrote it, or 'muara state reset' to start over");
            }
            state.checkpoint = root.path("checkpoint").asLong(0);
            state.runId = root.path("run").asString(null);
            state.complete = root.path("complete").asBoolean(true);
            for (Map.Entry<String, JsonNode> stream : root.path("streams").properties()) {
                Map<String, SplitState> splits = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> split : stream.getValue().path("splits").properties()) {
                    JsonNode s = split.getValue();
                    splits.put(split.getKey(), new SplitState(s.path("fingerprint").asString(""),
                            s.path("position").isNull() ? null : s.path("position").asString(null),
                            s.path("done").asBoolean(false), s.path("again").asBoolean(false)));
                }
                state.streams.put(stream.getKey(), splits);
            }
        } catch (JacksonException e) {
            throw MuaraException.data("the pipeline state is not valid JSON: " + e.getOriginalMessage())
                    .withHint("'muara state reset' starts over (everything is loaded again)");
        }
        return state;
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("checkpoint", checkpoint);
        root.put("run", runId);
        root.put("complete", complete);
        ObjectNode streamsNode = root.putObject("streams");
        streams.forEach((stream, splits) -> {
            ObjectNode splitsNode = streamsNode.putObject(stream).putObject("splits");
            splits.forEach((id, s) -> {
                ObjectNode node = splitsNode.putObject(id);
                node.put("fingerprint", s.fingerprint());
                node.put("position", s.position());
                node.put("done", s.done());
                if (s.again()) {
                    node.put("again", true);
                }
            });
        });
        return JSON.writeValueAsString(root);
    }

    /** The id of the last committed checkpoint (0 before the first). */
    public long checkpoint() {
        return checkpoint;
    }

    /** The id the next checkpoint takes, now recorded in this state. */
    public long nextCheckpoint() {
        return ++checkpoint;
    }

    public String runId() {
        return runId;
    }

    /** Whether the run that wrote this state finished; false means the next run resumes it. */
    public boolean isComplete() {
        return complete;
    }

    /** Marks the start of a run: until {@link #completeRun()}, a crash leaves this run to be resumed. */
    public void beginRun(String id) {
        this.runId = id;
        this.complete = false;
    }

    public void completeRun() {
        this.complete = true;
    }

    /** The state of a split, or null when it was never seen. */
    public SplitState split(String stream, String splitId) {
        Map<String, SplitState> splits = streams.get(stream);
        return splits == null ? null : splits.get(splitId);
    }

    /** Records where a split stands. */
    public void update(String stream, String splitId, String fingerprint, String position, boolean done, boolean again) {
        streams.computeIfAbsent(stream, s -> new LinkedHashMap<>()).put(splitId, new SplitState(fingerprint, position, done, again));
    }

    /** Records a split as planned by this run, to be read from {@code position} (null: its start). */
    public void plan(String stream, String splitId, String fingerprint, String position) {
        streams.computeIfAbsent(stream, s -> new LinkedHashMap<>())
                .put(splitId, new SplitState(fingerprint, position, false, false));
    }

    /**
     * Keeps only the splits of {@code stream} a run planned to read ({@code planned}) or skipped as finished
     * ({@code skipped}, as {@code stream + "\0" + id}); the others no longer exist at the source.
     */
    public void retain(String stream, Set<String> planned, Set<String> skipped) {
        Map<String, SplitState> splits = streams.get(stream);
        if (splits != null) {
            splits.keySet().removeIf(id -> !planned.contains(id) && !skipped.contains(stream + "\u0000" + id));
        }
    }

    /** Forgets a stream's splits: a replace run starts it from nothing. */
    public void clearStream(String stream) {
        streams.remove(stream);
    }

    /** Every stream's splits, read-only. */
    public Map<String, Map<String, SplitState>> streams() {
        return Collections.unmodifiableMap(streams);
    }
}
