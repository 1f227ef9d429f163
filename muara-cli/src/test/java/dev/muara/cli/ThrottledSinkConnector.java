package dev.muara.cli;

import dev.muara.api.data.Batch;
import dev.muara.api.data.Column;
import dev.muara.api.option.OptionSpec;
import dev.muara.api.option.Options;
import dev.muara.api.sink.Checkpoint;
import dev.muara.api.sink.CommitResult;
import dev.muara.api.sink.Sink;
import dev.muara.api.sink.SinkConnector;
import dev.muara.api.sink.SinkContext;
import dev.muara.api.sink.SinkWriter;
import dev.muara.api.sink.WriterContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A deliberately slow target for back-pressure tests: it takes at most the rows per second written in a control
 * file (0: no limit), and at each commit appends the {@code seq} of every row to a file, one per line. Registered
 * only for the Muara processes of the tests that use it (see {@link MuaraProcess#startWithTestConnectors}).
 */
public final class ThrottledSinkConnector implements SinkConnector {

    static final OptionSpec<String> OUTPUT = OptionSpec.string("output", "File the committed seq values go to.").required();
    static final OptionSpec<String> CONTROL = OptionSpec.string("control", "File holding the rows per second allowed.")
            .required();

    @Override
    public String type() {
        return "throttled";
    }

    @Override
    public String description() {
        return "A slow test target.";
    }

    @Override
    public List<OptionSpec<?>> options() {
        return List.of(OUTPUT, CONTROL);
    }

    @Override
    public Sink create(SinkContext context, Options options) {
        Path output = context.baseDirectory().resolve(options.get(OUTPUT));
        Path control = context.baseDirectory().resolve(options.get(CONTROL));
        return writerContext -> new Writer(output, control);
    }

    private static final class Writer implements SinkWriter {
        private final Path output;
        private final Path control;
        private final StringBuilder pending = new StringBuilder();
        private long rows;
        private long started = System.nanoTime();
        private long limit = -1;

        Writer(Path output, Path control) {
            this.output = output;
            this.control = control;
        }

        @Override
        public void write(String stream, Batch batch) throws Exception {
            Column seq = batch.column(batch.schema().indexOf("seq"));
            for (int row = 0; row < batch.rowCount(); row++) {
                pending.append(seq.getObject(row)).append('\n');
            }
            rows += batch.rowCount();
            long allowed = rowsPerSecond();
            if (allowed > 0) {
                long due = started + rows * 1_000_000_000L / allowed;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }

        /** The limit, read again when it changes from throttled to free, so a test can lift it. */
        private long rowsPerSecond() throws IOException {
            if (limit != 0) {
                long now = Long.parseLong(Files.readString(control).trim());
                if (now != limit) {
                    limit = now;
                    started = System.nanoTime();
                    rows = 0;
                }
            }
            return limit;
        }

        @Override
        public CommitResult commit(Checkpoint checkpoint) throws Exception {
            Files.writeString(output, pending, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            pending.setLength(0);
            return CommitResult.COMMITTED;
        }

        @Override
        public void abort() {
            pending.setLength(0);
        }

        @Override
        public void close() {
        }
    }
}
