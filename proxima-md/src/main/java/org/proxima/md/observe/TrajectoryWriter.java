package org.proxima.md.observe;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;

/**
 * Writes an extended XYZ trajectory: positions, velocities (Å/fs), forces, cell, energy and stress, with
 * {@code step=} and {@code time_fs=} (and any extra info) in each frame's header; flushed after every frame.
 */
public final class TrajectoryWriter implements Observer {

    private final ExtXyzWriter writer;
    private final Map<String, Function<Snapshot, Object>> extraInfo;

    /**
     * @param writer destination (closed by {@link #close()})
     * @param extraInfo additional header keys and how to compute them
     */
    public TrajectoryWriter(ExtXyzWriter writer, Map<String, Function<Snapshot, Object>> extraInfo) {
        this.writer = writer;
        this.extraInfo = new LinkedHashMap<>(extraInfo);
    }

    /**
     * Writes to a new file.
     *
     * @param path the file
     * @return the writer
     */
    public static TrajectoryWriter create(Path path) {
        return new TrajectoryWriter(ExtXyzWriter.create(path), Map.of());
    }

    /**
     * @param path the file
     * @param extraInfo additional header keys
     * @return the writer
     */
    public static TrajectoryWriter create(Path path, Map<String, Function<Snapshot, Object>> extraInfo) {
        return new TrajectoryWriter(ExtXyzWriter.create(path), extraInfo);
    }

    /**
     * Continues an existing trajectory (a resumed run).
     *
     * @param path the file
     * @param extraInfo the same additional header keys as the trajectory was started with
     * @return the writer
     */
    public static TrajectoryWriter append(Path path, Map<String, Function<Snapshot, Object>> extraInfo) {
        return new TrajectoryWriter(ExtXyzWriter.append(path), extraInfo);
    }

    @Override
    public void observe(Snapshot s) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("step", s.step());
        info.put("time_fs", s.timeFs());
        extraInfo.forEach((k, f) -> {
            Object v = f.apply(s);
            if (v != null) {
                info.put(k, v);
            }
        });
        Frame f = new Frame(s.structure(), s.result(), info, Map.of()).withVelocities(s.velocitiesAPerFs());
        writer.write(f);
        writer.flush();
    }

    /** @return the frames written are readable with {@code ExtXyzReader}; the header keys added to each frame */
    public List<String> infoKeys() {
        List<String> keys = new java.util.ArrayList<>(List.of("step", "time_fs"));
        keys.addAll(extraInfo.keySet());
        return keys;
    }

    @Override
    public void close() {
        writer.close();
    }
}
