package org.proxima.core.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.proxima.core.io.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of checkpoints, one sub-directory {@code step-NNNNNNNNNNNN} per checkpoint holding
 * {@code checkpoint.json} and any side files (e.g. a saved model). Writing is atomic: everything goes into a
 * temporary directory, the JSON (with a SHA-256 of its content and a format name and version) is written, synced,
 * and the directory renamed into place; only then are older checkpoints beyond the newest {@code keep} deleted.
 * Reading takes the newest checkpoint that is complete and intact; a damaged or incompatible one is reported and
 * the previous one used.
 */
public final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String FILE = "checkpoint.json";
    private static final String PREFIX = "step-";

    private final Path dir;
    private final String format;
    private final long formatVersion;
    private final int keep;

    /**
     * @param dir the directory (created when needed)
     * @param format the content's format name
     * @param formatVersion its version; files of another version are refused
     * @param keep checkpoints to keep (≥ 2, so a damaged newest one has a predecessor)
     */
    public CheckpointStore(Path dir, String format, long formatVersion, int keep) {
        if (keep < 2) {
            throw new IllegalArgumentException("Keep at least 2 checkpoints, got " + keep);
        }
        this.dir = dir;
        this.format = format;
        this.formatVersion = formatVersion;
        this.keep = keep;
    }

    /** @return the directory */
    public Path directory() {
        return dir;
    }

    /** Writes side files of a checkpoint into its (temporary) directory. */
    @FunctionalInterface
    public interface SideFiles {
        /**
         * @param checkpointDir the directory being written
         */
        void write(Path checkpointDir) throws IOException;
    }

    /**
     * Writes a checkpoint atomically.
     *
     * @param step the MD step it describes
     * @param content the state
     * @param sideFiles writes extra files next to the JSON (may be null)
     * @return the checkpoint's directory
     */
    public Path write(long step, StateMap content, SideFiles sideFiles) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(String.format("%s%012d", PREFIX, step));
            Path tmp = dir.resolve(target.getFileName() + ".tmp");
            deleteTree(tmp);
            Files.createDirectories(tmp);
            if (sideFiles != null) {
                sideFiles.write(tmp);
            }
            content.putString("format", format).putLong("format_version", formatVersion).putLong("step", step);
            content.toMap().remove("sha256");
            String body = Json.write(content.toMap());
            content.putString("sha256", sha256(body));
            Path json = tmp.resolve(FILE);
            Files.writeString(json, Json.write(content.toMap()), StandardCharsets.UTF_8);
            try (FileChannel c = FileChannel.open(json, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
            prune();
            return target;
        } catch (IOException e) {
            throw new CheckpointException("Cannot write a checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A checkpoint read back. */
    public record Loaded(StateMap content, Path directory, long step) {
    }

    /**
     * @return the newest intact checkpoint, if any
     */
    public Optional<Loaded> readLatest() {
        List<Path> candidates = checkpoints();
        for (int k = candidates.size() - 1; k >= 0; k--) {
            Path c = candidates.get(k);
            try {
                return Optional.of(read(c));
            } catch (CheckpointException e) {
                LOG.warn("Checkpoint {} refused ({}); trying the previous one", c, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Reads and verifies one checkpoint directory.
     *
     * @param checkpointDir the directory
     * @return its content
     * @throws CheckpointException if it is incomplete, damaged or of another format
     */
    @SuppressWarnings("unchecked")
    public Loaded read(Path checkpointDir) {
        Path json = checkpointDir.resolve(FILE);
        Map<String, Object> m;
        try {
            m = (Map<String, Object>) Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException("Checkpoint " + json + " is unreadable or truncated: " + e.getMessage(), e);
        }
        Object stored = m.remove("sha256");
        String actual = sha256(Json.write(m));
        if (!actual.equals(stored)) {
            throw new CheckpointException("Checkpoint " + json + " is damaged (SHA-256 mismatch)");
        }
        if (!format.equals(m.get("format"))) {
            throw new CheckpointException("Checkpoint " + json + " is a '" + m.get("format") + "', not a '" + format
                    + "'");
        }
        if (!(m.get("format_version") instanceof Number v) || v.longValue() != formatVersion) {
            throw new CheckpointException("Checkpoint " + json + " has format version " + m.get("format_version")
                    + "; this Proxima reads version " + formatVersion + " only");
        }
        m.put("sha256", stored);
        return new Loaded(new StateMap(m), checkpointDir, ((Number) m.get("step")).longValue());
    }

    private List<Path> checkpoints() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> l = new ArrayList<>(s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && !p.getFileName().toString().endsWith(".tmp") && Files.isDirectory(p)).toList());
            l.sort(Comparator.comparing(p -> p.getFileName().toString()));
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> all = checkpoints();
        for (int k = 0; k < all.size() - keep; k++) {
            deleteTree(all.get(k));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void syncDirectory(Path d) {
        try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
            c.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system syncs directories; the rename is still atomic
        }
    }

    /**
     * Deletes a directory tree if it exists.
     *
     * @param p the root
     */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
