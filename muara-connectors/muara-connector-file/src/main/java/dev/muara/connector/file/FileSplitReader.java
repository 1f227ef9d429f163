package dev.muara.connector.file;

import dev.muara.api.source.ReaderContext;
import dev.muara.api.source.SplitReader;
import java.io.IOException;

/** What every file reader shares: the file's id, its open input, and where reading stands. */
abstract class FileSplitReader implements SplitReader {

    /** The split id: the file's path relative to the pipeline, used in locations. */
    protected final String id;
    protected final ReaderContext context;
    /** The open file; set by the subclass constructor. */
    protected FileInput input;
    /** Where reading stands after the last batch, in the subclass's encoding. */
    protected String position;

    FileSplitReader(String id, ReaderContext context) {
        this.id = id;
        this.context = context;
    }

    @Override
    public String position() {
        return position;
    }

    @Override
    public long bytesRead() {
        return input.rawBytesRead();
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
