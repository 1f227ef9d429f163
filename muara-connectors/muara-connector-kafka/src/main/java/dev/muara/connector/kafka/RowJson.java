package dev.muara.connector.kafka;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A row as a JSON object in UTF-8: one member per column, in order, nulls included. Numbers stay numbers (decimals
 * exact, NaN and infinities as text), json columns are embedded as they are, binary is base64 text, and dates,
 * times and timestamps are ISO-8601 text ({@code 2024-05-01T10:00:00Z} for a timestamptz). Not thread-safe.
 */
final class RowJson {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** Row {@code row} of {@code batch} as JSON bytes. */
    byte[] encode(Batch batch, int row) {
        out.reset();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            json.writeStartObject();
            for (int c = 0; c < batch.schema().size(); c++) {
                json.writeName(batch.schema().field(c).name());
                write(json, batch.column(c), row);
            }
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, Column column, int row) {
        if (column.isNull(row)) {
            json.writeNull();
            return;
        }
        switch (column.type().kind()) {
            case BOOLEAN -> json.writeBoolean(column.getBoolean(row));
            case INT32 -> json.writeNumber(column.getInt(row));
            case INT64 -> json.writeNumber(column.getLong(row));
            case FLOAT64 -> {
                double value = column.getDouble(row);
                if (Double.isFinite(value)) {
                    json.writeNumber(value);
                } else {
                    json.writeString(Double.toString(value));
                }
            }
            case DECIMAL -> json.writeNumber(column.getDecimal(row).toPlainString());
            case STRING -> json.writeString(column.getString(row));
            case JSON -> json.writeRawValue(column.getString(row));
            case BINARY -> json.writeBinary(column.getBytes(row));
            // LocalDate, LocalTime, LocalDateTime and Instant print ISO-8601
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> json.writeString(column.getObject(row).toString());
        }
    }
}
