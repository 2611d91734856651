package org.proxima.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written whole or not at all: write to {@link #path()} (a temporary file in the target's directory) and call
 * {@link #commit()} when done, which renames it over the target; closing without a commit deletes the temporary file
 * and leaves the target as it was (an existing output is never emptied by a failure half-way).
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private boolean committed;

    private AtomicOutput(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * @param target the file to write
     * @return the output, its temporary file created
     */
    public static AtomicOutput of(Path target) {
        try {
            Path abs = target.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            String name = abs.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 ? name.substring(dot) : "";
            // the temporary file keeps the target's extension, for writers that go by it
            return new AtomicOutput(abs, Files.createTempFile(abs.getParent(), "." + name + ".", ".part" + extension));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** @return the temporary file to write to */
    public Path path() {
        return temporary;
    }

    /** Renames the temporary file over the target. */
    public void commit() {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // nothing more to do: the target is untouched
            }
        }
    }
}
