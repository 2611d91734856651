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
 * {@code checkpoint.json} (the content, with a format name and version), any side files, and {@code SHA256SUMS}, the
 * SHA-256 of every other file in the format of {@code sha256sum} (so {@code sha256sum -c SHA256SUMS} checks a
 * checkpoint by hand). Writing is atomic: everything goes into a temporary directory, every file is synced, and the
 * directory is renamed into place; only then are older checkpoints beyond the newest {@code keep} deleted. Reading
 * takes the newest checkpoint that is complete and intact (every file present and matching its SHA-256, of this
 * format and version); a damaged one is reported, moved aside into {@code damaged-<time>/} (so that a new checkpoint
 * of the same step never overwrites it) and the previous one used; if checkpoints exist but none can be used,
 * reading fails with the reason for each instead of pretending there were none, and moves nothing.
 */
public final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String FILE = "checkpoint.json";
    private static final String SUMS = "SHA256SUMS";
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
            Files.writeString(tmp.resolve(FILE), Json.write(content.toMap()), StandardCharsets.UTF_8);
            StringBuilder sums = new StringBuilder();
            for (Path f : files(tmp)) {
                sums.append(sha256(f)).append("  ").append(tmp.relativize(f).toString().replace('\\', '/'))
                        .append('\n');
                sync(f);
            }
            Path sumsFile = tmp.resolve(SUMS);
            Files.writeString(sumsFile, sums, StandardCharsets.UTF_8);
            sync(sumsFile);
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

    /** @return whether the directory holds any checkpoint (usable or not) */
    public boolean holdsCheckpoints() {
        return !checkpoints().isEmpty();
    }

    /**
     * @return the newest usable checkpoint, or empty if the directory holds none at all; damaged checkpoints newer
     *     than the one returned are moved aside into {@code damaged-<time>/}
     * @throws CheckpointException if checkpoints exist but none is usable (each one's reason in the message)
     */
    public Optional<Loaded> readLatest() {
        List<Path> candidates = checkpoints();
        List<String> refused = new ArrayList<>();
        List<Path> damaged = new ArrayList<>();
        for (int k = candidates.size() - 1; k >= 0; k--) {
            Path c = candidates.get(k);
            try {
                Loaded loaded = read(c);
                if (!damaged.isEmpty()) {
                    setAside(damaged);
                }
                return Optional.of(loaded);
            } catch (CheckpointException e) {
                LOG.warn("Checkpoint {} refused ({}); trying the previous one", c, e.getMessage());
                refused.add(e.getMessage());
                damaged.add(c);
            }
        }
        if (!refused.isEmpty()) {
            throw new CheckpointException("No usable checkpoint in " + dir + ": " + String.join("; ", refused));
        }
        return Optional.empty();
    }

    /**
     * Moves every checkpoint aside into {@code damaged-<time>/} (to start over without deleting anything).
     *
     * @return the directory they were moved to, or null if there were none
     */
    public Path setAsideAll() {
        List<Path> all = checkpoints();
        return all.isEmpty() ? null : setAside(all);
    }

    private Path setAside(List<Path> checkpoints) {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        Path target = dir.resolve("damaged-" + stamp);
        for (int k = 2; Files.exists(target); k++) {
            target = dir.resolve("damaged-" + stamp + "-" + k);
        }
        try {
            Files.createDirectories(target);
            for (Path c : checkpoints) {
                Files.move(c, target.resolve(c.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            syncDirectory(dir);
        } catch (IOException e) {
            throw new CheckpointException("Cannot move damaged checkpoints aside into " + target + ": "
                    + e.getMessage(), e);
        }
        LOG.warn("Moved {} damaged checkpoint(s) aside into {} (kept for inspection, never overwritten)",
                checkpoints.size(), target);
        return target;
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
        if (!format.equals(m.get("format"))) {
            throw new CheckpointException("Checkpoint " + json + " is a '" + m.get("format") + "', not a '" + format
                    + "'");
        }
        if (!(m.get("format_version") instanceof Number v) || v.longValue() != formatVersion) {
            throw new CheckpointException("Checkpoint " + json + " has format version " + m.get("format_version")
                    + "; this Proxima reads version " + formatVersion + " only (see CHANGELOG.md); finish the run "
                    + "with the Proxima that wrote it, or start it again");
        }
        verify(checkpointDir);
        return new Loaded(new StateMap(m), checkpointDir, ((Number) m.get("step")).longValue());
    }

    /** Checks every file of a checkpoint against its SHA256SUMS. */
    private static void verify(Path checkpointDir) {
        Path sumsFile = checkpointDir.resolve(SUMS);
        try {
            if (!Files.isRegularFile(sumsFile)) {
                throw new CheckpointException("Checkpoint " + checkpointDir + " is incomplete: " + SUMS + " missing");
            }
            Map<String, String> expected = new java.util.TreeMap<>();
            for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int cut = line.indexOf("  ");
                    if (cut != 64) {
                        throw new CheckpointException("Checkpoint " + checkpointDir + " is damaged: malformed line '"
                                + line + "' in " + SUMS);
                    }
                    expected.put(line.substring(cut + 2), line.substring(0, cut));
                }
            }
            for (Path f : files(checkpointDir)) {
                String name = checkpointDir.relativize(f).toString().replace('\\', '/');
                if (name.equals(SUMS)) {
                    continue;
                }
                String want = expected.remove(name);
                if (want == null) {
                    throw new CheckpointException("Checkpoint " + checkpointDir + " is damaged: " + name
                            + " is not listed in " + SUMS);
                }
                if (!want.equals(sha256(f))) {
                    throw new CheckpointException("Checkpoint " + checkpointDir + " is damaged: " + name
                            + " does not match its SHA-256");
                }
            }
            if (!expected.isEmpty()) {
                throw new CheckpointException("Checkpoint " + checkpointDir + " is damaged: " + expected.keySet()
                        + " missing");
            }
        } catch (IOException e) {
            throw new CheckpointException("Checkpoint " + checkpointDir + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Every regular file under a directory, sorted, the sums file excluded. */
    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(SUMS)).sorted()
                    .toList();
        }
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

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.force(true);
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
