package dev.muara.core.config;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.source.RejectedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns a pipeline marks as personal data ({@code pii:}), and how their clear values are kept out of what Muara
 * writes besides the target: dead-letter records and preview.
 *
 * <p>A source's rejected record is a raw line or message that could not be parsed, so nothing in it can be told apart
 * safely: in a pipeline with personal data only its location is kept. A row a transform rejects was parsed: its
 * personal-data columns are written as {@value #HIDDEN}, and a reason that names one of them or quotes its value is
 * withheld.
 *
 * @param columns the columns marked as personal data
 * @param protectedColumns the columns some transform of the chain masks, hashes, redacts or drops
 */
public record PersonalData(List<String> columns, Set<String> protectedColumns) {

    /** What a personal-data value becomes where it must not appear. */
    public static final String HIDDEN = "[pii]";

    private static final String WITHHELD_RECORD = "withheld: the pipeline marks personal data (pii), and a record that "
            + "could not be read cannot be told apart; find it in the source at this location";

    public PersonalData {
        columns = List.copyOf(columns);
        protectedColumns = Set.copyOf(protectedColumns);
    }

    /** No column is marked. */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** The marked columns no transform protects, in the order marked. */
    public List<String> unprotected() {
        return columns.stream().filter(c -> !protectedColumns.contains(c)).toList();
    }

    /** Whether {@code column} is marked and no transform protects it: preview hides its values. */
    public boolean hides(String column) {
        return columns.contains(column) && !protectedColumns.contains(column);
    }

    /** A source's rejected record as the dead letters may hold it: only its location, when personal data is marked. */
    public RejectedRecord fromSource(RejectedRecord record) {
        return isEmpty() ? record : new RejectedRecord(record.location(), WITHHELD_RECORD, null);
    }

    /** Row {@code row} of {@code input}, which a transform rejected with {@code reason}, as a dead-letter record. */
    public RejectedRecord fromTransform(String location, String reason, Batch input, int row) {
        StringBuilder original = new StringBuilder("{");
        List<String> clear = new ArrayList<>();
        for (int c = 0; c < input.columns().length; c++) {
            String name = input.schema().field(c).name();
            original.append(c == 0 ? "" : ", ").append(Column.quote(name)).append(": ");
            if (columns.contains(name)) {
                original.append(input.column(c).isNull(row) ? "null" : Column.quote(HIDDEN));
                String text = input.column(c).text(row);
                if (text != null && !text.isEmpty()) {
                    clear.add(text);
                }
            } else {
                original.append(input.column(c).json(row));
            }
        }
        return new RejectedRecord(location, scrub(reason, clear), original.append('}').toString());
    }

    /** {@code reason}, or only its first part ({@code cast email}) when it names a marked column or quotes a value. */
    private String scrub(String reason, List<String> clear) {
        boolean quotes = clear.stream().anyMatch(reason::contains)
                || columns.stream().anyMatch(c -> Pattern.compile("\\b" + Pattern.quote(c) + "\\b").matcher(reason).find());
        if (!quotes) {
            return reason;
        }
        int colon = reason.indexOf(':');
        String head = colon > 0 ? reason.substring(0, colon) : "rejected";
        return clear.stream().anyMatch(head::contains) ? "rejected by a transform: " + HIDDEN
                : head + ": " + HIDDEN + " (the reason is withheld: it may quote personal data)";
    }
}
