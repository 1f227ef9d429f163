package dev.muara.core.state;

import dev.muara.api.error.MuaraException;
import dev.muara.api.sink.StateStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps the pipeline state in a JSON file in the work folder, for targets that cannot hold it. Each save
 * writes a temporary file, forces it to disk and renames it over the old one, so a crash leaves either the old
 * or the new state, never half of one.
 */
public final class LocalStateStore implements StateStore {

    private final Path file;

    public LocalStateStore(Path workDirectory) {
        this.file = workDirectory.resolve("state.json");
    }

    @Override
    public Optional<String> load() {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw MuaraException.resource("cannot read the pipeline state", e).at(file.toString());
        }
    }

    /** Replaces the stored state with {@code json}, atomically. */
    public void save(String json) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw MuaraException.resource("cannot write the pipeline state", e).at(file.toString());
        }
    }

    @Override
    public void reset() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw MuaraException.resource("cannot delete the pipeline state", e).at(file.toString());
        }
    }
}
