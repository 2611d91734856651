package org.proxima.md.observe;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the thermo log as CSV, one row per observation, flushed after every row so that a run that stops
 * keeps everything it logged. Columns (units in the names): {@code step, time_fs, potential_energy_eV,
 * kinetic_energy_eV, total_energy_eV, conserved_energy_eV, temperature_K, pressure_GPa, volume_A3, a_A, b_A, c_A,
 * density_g_cm3}, then any {@link ThermoColumn}s. The temperature uses the integrator's degrees of freedom (3N − 3
 * for momentum-conserving schemes, 3N for Langevin); the pressure includes the kinetic term; the conserved energy
 * is empty for schemes without one.
 */
public final class ThermoLogger implements Observer {

    private static final String[] BASE = {"step", "time_fs", "potential_energy_eV", "kinetic_energy_eV",
        "total_energy_eV", "conserved_energy_eV", "temperature_K", "pressure_GPa", "volume_A3", "a_A", "b_A", "c_A",
        "density_g_cm3"};

    private final Writer out;
    private final List<ThermoColumn> extra;
    private boolean headerWritten;

    /**
     * @param out destination (closed by {@link #close()})
     * @param extraColumns additional columns
     */
    public ThermoLogger(Writer out, List<ThermoColumn> extraColumns) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        this.extra = new ArrayList<>(extraColumns);
    }

    /**
     * Writes to a new file.
     *
     * @param path the CSV file (parent folders are created)
     * @param extraColumns additional columns
     * @return the logger
     */
    public static ThermoLogger create(Path path, List<ThermoColumn> extraColumns) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new ThermoLogger(Files.newBufferedWriter(path, StandardCharsets.UTF_8), extraColumns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create thermo log " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Continues an existing log (a resumed run): opens it for appending and writes no header.
     *
     * @param path the CSV file
     * @param extraColumns the same additional columns as the log was started with
     * @return the logger
     */
    public static ThermoLogger append(Path path, List<ThermoColumn> extraColumns) {
        try {
            ThermoLogger t = new ThermoLogger(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), extraColumns);
            t.headerWritten = Files.size(path) > 0;
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to thermo log " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return the column names, base columns first */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of(BASE));
        extra.forEach(c -> h.add(c.name()));
        return h;
    }

    @Override
    public void observe(Snapshot s) {
        StringBuilder b = new StringBuilder(256);
        if (!headerWritten) {
            b.append(String.join(",", header())).append('\n');
            headerWritten = true;
        }
        double[] lengths = s.cell().lengthsA();
        double conserved = s.conservedEnergyEv();
        b.append(s.step()).append(',').append(s.timeFs()).append(',').append(s.potentialEnergyEv()).append(',')
                .append(s.kineticEnergyEv()).append(',').append(s.totalEnergyEv()).append(',')
                .append(Double.isNaN(conserved) ? "" : Double.toString(conserved)).append(',')
                .append(s.temperatureK()).append(',').append(s.pressureGpa()).append(',').append(s.volumeA3())
                .append(',').append(lengths[0]).append(',').append(lengths[1]).append(',').append(lengths[2])
                .append(',').append(s.densityGPerCm3());
        for (ThermoColumn c : extra) {
            Object v = c.value().apply(s);
            boolean missing = v == null || v instanceof Double d && d.isNaN();
            b.append(',').append(missing ? "" : csv(String.valueOf(v)));
        }
        b.append('\n');
        try {
            out.write(b.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write thermo log: " + e.getMessage(), e);
        }
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
