package dev.muara.connector.kafka;

import dev.muara.api.data.Batch;
import dev.muara.formats.message.MessageBatchBuilder;
import java.util.function.Supplier;

/**
 * Turns record values into rows with the record's metadata: a {@link MessageBatchBuilder} for the payload formats
 * of muara-formats, or an {@link dev.muara.connector.kafka.avro.AvroBatchBuilder}.
 */
interface RecordRows {

    /**
     * Adds the rows of one record value.
     *
     * @param payload the value
     * @param metadata one value per metadata column: Integer for int32, Long for int64 and for timestamptz (epoch
     *     microseconds), String for string and json, null for none
     * @param rejected receives each part of the value that cannot become a row
     * @return rows added
     */
    int add(byte[] payload, Object[] metadata, MessageBatchBuilder.RejectHandler rejected);

    /** The rows added since the last call. */
    Batch build();

    /** The {@link #add} of a builder. */
    @FunctionalInterface
    interface Adder {
        int add(byte[] payload, Object[] metadata, MessageBatchBuilder.RejectHandler rejected);
    }

    /** Rows from a builder's {@code add} and {@code build} methods. */
    static RecordRows of(Adder adder, Supplier<Batch> builder) {
        return new RecordRows() {
            @Override
            public int add(byte[] payload, Object[] metadata, MessageBatchBuilder.RejectHandler rejected) {
                return adder.add(payload, metadata, rejected);
            }

            @Override
            public Batch build() {
                return builder.get();
            }
        };
    }
}
