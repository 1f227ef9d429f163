package dev.muara.core.engine;

import dev.muara.api.error.MuaraException;
import dev.muara.core.run.RunRecord;

/**
 * How a run ended.
 *
 * @param record the run record as stored
 * @param error the failure of a failed run, or null
 * @param durationMillis wall time of the run
 * @param unbounded whether the source runs until stopped (a stream), for which a stop is a normal end
 */
public record RunResult(RunRecord record, MuaraException error, long durationMillis, boolean unbounded) {
}
