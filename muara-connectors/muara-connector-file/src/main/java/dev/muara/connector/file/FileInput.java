package dev.muara.connector.file;

import dev.muara.api.error.MuaraException;
import dev.muara.formats.io.Compression;
import dev.muara.formats.io.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An open file: the decompressed bytes from a given offset, and a count of raw bytes read for progress.
 * Uncompressed files seek straight to the offset; compressed ones are decompressed and skipped up to it.
 */
final class FileInput implements AutoCloseable {

    private final CountingInputStream raw;
    private final InputStream data;

    private FileInput(CountingInputStream raw, InputStream data) {
        this.raw = raw;
        this.data = data;
    }

    /**
     * Opens {@code file} at decompressed byte {@code offset}.
     *
     * @param seekable whether the offset may be reached by seeking the raw file (no compression, no transcoding)
     */
    static FileInput open(Path file, Compression compression, long offset, boolean seekable) throws IOException {
        if (compression == Compression.NONE && seekable) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                channel.position(offset);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            CountingInputStream raw = new CountingInputStream(Channels.newInputStream(channel), offset);
            return new FileInput(raw, raw);
        }
        CountingInputStream raw = new CountingInputStream(
                new BufferedInputStream(java.nio.file.Files.newInputStream(file), 256 * 1024), 0);
        InputStream data;
        try {
            data = compression.decompress(raw);
        } catch (IOException e) {
            raw.close();
            throw MuaraException.data("the file is not valid " + compression.word() + " data: " + e.getMessage())
                    .at(file.toString());
        }
        FileInput input = new FileInput(raw, data);
        input.skip(offset);
        return input;
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = data.skip(left);
            if (n <= 0) {
                if (data.read() < 0) {
                    throw MuaraException.data("the file is shorter than the position to resume from; it changed without "
                            + "its size or modification time changing").withHint("'muara state reset' loads it again from the start");
                }
                n = 1;
            }
            left -= n;
        }
    }

    InputStream data() {
        return data;
    }

    long rawBytesRead() {
        return raw.count();
    }

    @Override
    public void close() throws IOException {
        data.close();
        raw.close();
    }
}
