package dev.muara.core.run;

import java.util.List;

/**
 * How one data quality rule fared in a run's stream.
 *
 * @param rule the rule's name
 * @param checked rows the rule checked
 * @param failed rows that broke it
 * @param samples a few values that broke it, as text
 */
public record QualityReport(String rule, long checked, long failed, List<String> samples) {

    public QualityReport {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }
}
