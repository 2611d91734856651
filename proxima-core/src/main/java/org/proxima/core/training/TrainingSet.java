package org.proxima.core.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.surrogate.TrainingPoint;

/**
 * The growing set of target results a surrogate is trained on. Points are kept in memory, oldest first, and, when
 * a file is given, appended to it as extended XYZ (energy, forces, stress of the target; {@code step=} in the
 * header) and flushed at once, so that a crash loses nothing the target computed. Not thread-safe; readers take a
 * {@link #snapshot()}.
 */
public final class TrainingSet implements AutoCloseable {

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
     * Reads training points from an extxyz file (frames with energy and forces; {@code step} from the header if
     * present, else −1).
     *
     * @param file the file
     * @return the points, in file order
     * @throws IllegalArgumentException if a frame has no energy or forces
     */
    public static List<TrainingPoint> read(Path file) {
        List<TrainingPoint> out = new ArrayList<>();
        try (ExtXyzReader r = ExtXyzReader.open(file)) {
            int k = 0;
            while (r.hasNext()) {
                Frame f = r.next();
                if (f.result() == null || !f.result().has(org.proxima.core.calc.Property.FORCES)) {
                    throw new IllegalArgumentException(file + ": frame " + k + " has no energy and forces; training "
                            + "data needs both");
                }
                long step = f.infoNumber("step").map(Double::longValue).orElse(-1L);
                out.add(new TrainingPoint(f.structure(), f.result(), step));
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
            writer.write(new Frame(point.structure(), point.result(), Map.of("step", point.step()), Map.of()));
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
