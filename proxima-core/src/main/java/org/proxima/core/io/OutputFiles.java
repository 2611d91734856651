package org.proxima.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and housekeeping for output files: that a file or directory can be written before any work starts (with
 * the reason when not: permission, not a directory, read-only file system), their sizes for checkpoints, and cutting
 * an append-mode file back to the size a checkpoint recorded.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Checks that a file can be written: it is not a directory, its directory exists or can be created, and a file
     * can be created there.
     *
     * @param file the file
     * @param role what it is, for the message (e.g. {@code "--summary"})
     * @throws IllegalArgumentException naming the file and why it cannot be written
     */
    public static void checkWritableFile(Path file, String role) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(role + " " + file + " is a directory, not a file");
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new IllegalArgumentException(role + " " + file + " cannot be written: permission denied");
        }
        checkWritableDirectory(abs.getParent(), role + " " + file + ": its directory");
    }

    /**
     * Checks that a directory exists or can be created and that files can be created in it.
     *
     * @param dir the directory
     * @param role what it is, for the message
     * @throws IllegalArgumentException naming the directory and why it cannot be written
     */
    public static void checkWritableDirectory(Path dir, String role) {
        Path abs = dir.toAbsolutePath();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException(role + " " + dir + " cannot be created: " + p
                        + " is a file, not a directory");
            }
            if (Files.isDirectory(p)) {
                break;
            }
        }
        try {
            Files.createDirectories(abs);
            Path probe = Files.createTempFile(abs, ".proxima-write-test", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(role + " " + dir + " is not writable: permission denied", e);
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new IllegalArgumentException(role + " " + dir + " is not writable: " + reason, e);
        } catch (IOException e) {
            throw new IllegalArgumentException(role + " " + dir + " is not writable: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses outputs that would overwrite an input or each other (the same file under two names included),
     * before anything is opened.
     *
     * @param inputs files read, by the option or role that names them
     * @param outputs files written, by the option or role that names them
     * @throws IllegalArgumentException naming both options and the file
     */
    public static void checkDistinct(Map<String, Path> inputs, Map<String, Path> outputs) {
        Map<Path, String> seen = new LinkedHashMap<>();
        inputs.forEach((role, p) -> {
            if (p != null) {
                seen.putIfAbsent(canonical(p), role);
            }
        });
        for (Map.Entry<String, Path> e : outputs.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Path c = canonical(e.getValue());
            String other = seen.putIfAbsent(c, e.getKey());
            if (other != null) {
                boolean input = inputs.containsKey(other);
                throw new IllegalArgumentException(e.getKey() + " " + e.getValue() + " is the same file as "
                        + other + (input ? " (writing it would destroy the input)" : "") + ": give different files");
            }
        }
    }

    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return Files.exists(abs) ? abs.toRealPath() : abs;
        } catch (IOException e) {
            return abs;
        }
    }

    /**
     * Writes a whole text file atomically: into a temporary file in the same directory, renamed over the target
     * only when complete, so a failure leaves the previous file as it was.
     *
     * @param file the file
     * @param text its content
     */
    public static void writeAtomically(Path file, String text) {
        try (AtomicOutput out = AtomicOutput.of(file)) {
            Files.writeString(out.path(), text, StandardCharsets.UTF_8);
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a file, or null
     * @return its size in bytes, or null if it is null or does not exist
     */
    public static Long size(Path file) {
        try {
            return file == null || !Files.exists(file) ? null : Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Cuts an append-mode output back to a size a checkpoint recorded (what was written after the checkpoint goes).
     *
     * @param file the file
     * @param bytes the size to keep
     * @throws IllegalStateException if the file is missing or shorter (changed or damaged since the checkpoint)
     */
    public static void cutBack(Path file, long bytes) {
        try {
            if (!Files.exists(file) || Files.size(file) < bytes) {
                throw new IllegalStateException(file + " is shorter than the " + bytes + " bytes the checkpoint "
                        + "recorded: it was changed or damaged since");
            }
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut back " + file + ": " + e.getMessage(), e);
        }
    }
}
