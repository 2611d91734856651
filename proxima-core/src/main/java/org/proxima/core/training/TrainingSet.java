package org.proxima.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.surrogate.TrainingPoint;

/**
 * The growing set of target results a surrogate is trained on. Points are kept in memory, oldest first, and, when
 * a file is given, appended to it as extended XYZ (energy, forces, stress of the target; {@code step=} in the
 * header, and {@code training_weight=} for a point whose weight is not 1) and flushed at once, so that a crash loses
 * nothing the target computed. Reading a file back restores the weights (1 where the key is absent). Not
 * thread-safe; readers take a {@link #snapshot()}.
 */
public final class TrainingSet implements AutoCloseable {

    /** The extxyz info key of a point's weight in the fit ({@link TrainingPoint#weight()}), written when not 1. */
    public static final String WEIGHT_KEY = "training_weight";

    private final List<TrainingPoint> points = new ArrayList<>();
    private final ExtXyzWriter writer;
    private final Path file;

    private TrainingSet(Path file, ExtXyzWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    /** @return a set kept in memory only */
    public static TrainingSet inMemory() {
        return new TrainingSet(null, null);
    }

    /**
     * A set that appends every point to a file, creating it or truncating an existing one.
     *
     * @param file the extxyz file
     * @return the set
     */
    public static TrainingSet createFile(Path file) {
        return new TrainingSet(file, ExtXyzWriter.create(file));
    }

    /**
     * A set that continues an existing file: its frames are loaded (they must hold energy and forces) and new
     * points are appended.
     *
     * @param file the extxyz file (created if absent)
     * @return the set holding the file's points
     */
    public static TrainingSet continueFile(Path file) {
        List<TrainingPoint> existing = java.nio.file.Files.exists(file) ? read(file) : List.of();
        TrainingSet set = new TrainingSet(file, ExtXyzWriter.append(file));
        set.points.addAll(existing);
        return set;
    }

    /**
     * Cuts a training-set file back to a size a checkpoint recorded and returns the points that were written after
     * it (target results of steps after the checkpoint, which a resumed run can reuse instead of recomputing).
     *
     * @param file the extxyz file
     * @param bytes the size to keep
     * @return the points that followed, oldest first
     * @throws IllegalArgumentException if the file is shorter than {@code bytes} (it was damaged)
     */
    public static List<TrainingPoint> truncate(Path file, long bytes) {
        try {
            long size = java.nio.file.Files.size(file);
            if (size < bytes) {
                throw new IllegalArgumentException("Training set " + file + " has " + size + " bytes, fewer than the "
                        + bytes + " the checkpoint recorded: it was damaged");
            }
            List<TrainingPoint> tail = List.of();
            if (size > bytes) {
                Path rest = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), ".tail", ".extxyz");
                try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file);
                        java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(rest,
                                java.nio.file.StandardOpenOption.WRITE)) {
                    in.transferTo(bytes, size - bytes, out);
                }
                try {
                    tail = readComplete(rest);
                } finally {
                    java.nio.file.Files.deleteIfExists(rest);
                }
            }
            try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE)) {
                c.truncate(bytes);
            }
            return tail;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot cut back " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads training points from an extxyz file (frames with energy and forces; {@code step} from the header if
     * present, else −1).
     *
     * @param file the file
     * @return the points, in file order
     * @throws IllegalArgumentException if a frame has no energy or forces
     */
    public static List<TrainingPoint> read(Path file) {
        return read(file, false);
    }

    /** The complete frames of a file whose last frame may be half-written (a crash while appending). */
    private static List<TrainingPoint> readComplete(Path file) {
        return read(file, true);
    }

    private static List<TrainingPoint> read(Path file, boolean stopAtDamage) {
        List<TrainingPoint> out = new ArrayList<>();
        try (ExtXyzReader r = ExtXyzReader.open(file)) {
            int k = 0;
            while (true) {
                Frame f;
                try {
                    if (!r.hasNext()) {
                        break;
                    }
                    f = r.next();
                } catch (RuntimeException e) {
                    if (stopAtDamage) {
                        return out;
                    }
                    throw e;
                }
                if (f.result() == null || !f.result().has(org.proxima.core.calc.Property.FORCES)) {
                    throw new IllegalArgumentException(file + ": frame " + k + " has no energy and forces; training "
                            + "data needs both");
                }
                long step = f.infoNumber("step").map(Double::longValue).orElse(-1L);
                double weight = f.infoNumber(WEIGHT_KEY).orElse(1.0);
                if (!(weight > 0) || !Double.isFinite(weight)) {
                    throw new IllegalArgumentException(file + ": frame " + k + " has " + WEIGHT_KEY + "=" + weight
                            + "; a training weight must be positive and finite");
                }
                out.add(new TrainingPoint(f.structure(), f.result(), step, weight));
                k++;
            }
        }
        return out;
    }

    /**
     * Adds a point (and appends it to the file, flushed).
     *
     * @param point the point
     */
    public void add(TrainingPoint point) {
        if (writer != null) {
            Map<String, Object> info = new LinkedHashMap<>(Map.of("step", point.step()));
            if (point.weight() != 1.0) {
                info.put(WEIGHT_KEY, point.weight());
            }
            writer.write(new Frame(point.structure(), point.result(), info, Map.of()));
            writer.flush();
        }
        points.add(point);
    }

    /** @return the number of points */
    public int size() {
        return points.size();
    }

    /** @return an unmodifiable snapshot of the points, oldest first */
    public List<TrainingPoint> snapshot() {
        return Collections.unmodifiableList(new ArrayList<>(points));
    }

    /** @return the file points are appended to, or null */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }
}
