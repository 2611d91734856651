package org.proxima.md.observe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;

/**
 * Writes an extended XYZ trajectory: positions, momenta (ASE's units, so {@code ase.io.read} gives the atoms their
 * velocities), forces, cell, energy and stress, with {@code step=} and {@code time_fs=} (and any extra info) in each
 * frame's header; flushed after every frame. A trajectory continued by a resumed run keeps the velocity column it
 * was started with (an older file's {@code velocities}, Å/fs), so one file never mixes the two.
 */
public final class TrajectoryWriter implements Observer {

    private final ExtXyzWriter writer;
    private final Map<String, Function<Snapshot, Object>> extraInfo;
    private final String velocityColumn;

    /**
     * @param writer destination (closed by {@link #close()})
     * @param extraInfo additional header keys and how to compute them
     */
    public TrajectoryWriter(ExtXyzWriter writer, Map<String, Function<Snapshot, Object>> extraInfo) {
        this(writer, extraInfo, Frame.MOMENTA);
    }

    private TrajectoryWriter(ExtXyzWriter writer, Map<String, Function<Snapshot, Object>> extraInfo,
            String velocityColumn) {
        this.writer = writer;
        this.extraInfo = new LinkedHashMap<>(extraInfo);
        this.velocityColumn = velocityColumn;
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
        String column = velocityColumnOf(path);
        return new TrajectoryWriter(ExtXyzWriter.append(path), extraInfo, column);
    }

    /** The velocity column of an existing trajectory's first frame ({@code momenta} for an empty or new file). */
    private static String velocityColumnOf(Path path) {
        if (!Files.isRegularFile(path)) {
            return Frame.MOMENTA;
        }
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            r.readLine();
            String header = r.readLine();
            return header != null && header.contains(Frame.VELOCITIES + ":R:3") ? Frame.VELOCITIES : Frame.MOMENTA;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trajectory " + path + " to continue it: "
                    + e.getMessage(), e);
        }
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
        Frame f = new Frame(s.structure(), s.result(), info, Map.of()).withVelocities(s.velocitiesAPerFs(),
                velocityColumn);
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
