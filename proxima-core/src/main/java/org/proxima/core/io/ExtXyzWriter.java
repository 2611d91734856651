package org.proxima.core.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.calc.Voigt;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Element;
import org.proxima.core.model.Structure;

/**
 * Writes frames in the extended XYZ dialect that {@code ase.io.read} understands: {@code Lattice},
 * {@code Properties=species:S:1:pos:R:3[:masses:R:1][:…extra columns][:forces:R:3][:energies:R:1]},
 * {@code energy}, {@code stress} (9 values, ASE sign, eV/Å³), the frame's info and {@code pbc}. Real numbers are
 * written with the shortest representation that reads back to the same double, so a write/read round trip is
 * exact. A {@code masses} column is written only when some mass differs from the element's default.
 */
public final class ExtXyzWriter implements Closeable, Flushable {

    private final Writer out;

    /**
     * @param out destination (closed by {@link #close()})
     */
    public ExtXyzWriter(Writer out) {
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
    }

    /**
     * Creates (or truncates) a file.
     *
     * @param path the file
     * @return the writer
     */
    public static ExtXyzWriter create(Path path) {
        return open(path, false);
    }

    /**
     * Opens a file for appending frames, creating it if needed.
     *
     * @param path the file
     * @return the writer
     */
    public static ExtXyzWriter append(Path path) {
        return open(path, true);
    }

    private static ExtXyzWriter open(Path path, boolean append) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new ExtXyzWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + path + " for writing: " + e.getMessage(), e);
        }
    }

    /**
     * Writes every frame to a new file.
     *
     * @param path the file
     * @param frames the frames
     */
    public static void writeAll(Path path, Iterable<Frame> frames) {
        try (ExtXyzWriter w = create(path)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
    }

    /**
     * Writes one frame.
     *
     * @param frame the frame
     */
    public void write(Frame frame) {
        try {
            out.write(format(frame));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write extended XYZ frame: " + e.getMessage(), e);
        }
    }

    /**
     * Formats one frame as text (count line, header line, atom lines, each ending in a newline).
     *
     * @param frame the frame
     * @return the text
     */
    public static String format(Frame frame) {
        Structure s = frame.structure();
        int n = s.size();
        List<Column> cols = columns(frame);
        StringBuilder b = new StringBuilder(64 * (n + 2));
        b.append(n).append('\n');
        header(b, frame, cols);
        for (int i = 0; i < n; i++) {
            boolean first = true;
            for (Column col : cols) {
                for (int k = 0; k < col.width(); k++) {
                    if (!first) {
                        b.append(' ');
                    }
                    first = false;
                    b.append(col.format(i, k));
                }
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The per-atom columns: species, positions, masses if not the standard ones, extra columns, forces. */
    private static List<Column> columns(Frame frame) {
        Structure s = frame.structure();
        CalculationResult r = frame.result();
        List<Column> cols = new ArrayList<>();
        cols.add(new Column("species", Column.Type.STRING, 1, s.symbols()));
        cols.add(Column.real("pos", 3, s.positionsA()));
        if (hasCustomMasses(s)) {
            cols.add(Column.real("masses", 1, s.massesAmu()));
        }
        for (Column c : frame.columns().values()) {
            checkKey(c.name());
            cols.add(c);
        }
        if (r != null && r.has(Property.FORCES)) {
            cols.add(Column.real("forces", 3, r.forcesEvPerA()));
        }
        if (r != null && r.has(Property.ENERGIES)) {
            cols.add(Column.real("energies", 1, r.energiesEv()));
        }
        return cols;
    }

    /** The header line: lattice, properties, energy and stress, info, pbc. */
    private static void header(StringBuilder b, Frame frame, List<Column> cols) {
        CalculationResult r = frame.result();
        Cell cell = frame.structure().cell();
        b.append("Lattice=\"").append(join(cell.toRowMajorArray())).append("\" Properties=");
        for (int c = 0; c < cols.size(); c++) {
            Column col = cols.get(c);
            if (c > 0) {
                b.append(':');
            }
            b.append(col.name()).append(':').append(col.type().code()).append(':').append(col.width());
        }
        if (r != null) {
            b.append(" energy=").append(formatReal(r.energyEv()));
            if (r.has(Property.STRESS)) {
                b.append(" stress=\"").append(join(Voigt.toRowMajor(r.stressEvPerA3()))).append('"');
            }
        }
        for (Map.Entry<String, Object> e : frame.info().entrySet()) {
            checkKey(e.getKey());
            b.append(' ').append(e.getKey()).append('=').append(formatValue(e.getValue()));
        }
        boolean[] pbc = cell.pbc();
        b.append(" pbc=\"").append(pbc[0] ? 'T' : 'F').append(' ').append(pbc[1] ? 'T' : 'F').append(' ')
                .append(pbc[2] ? 'T' : 'F').append("\"\n");
    }

    private static boolean hasCustomMasses(Structure s) {
        for (int i = 0; i < s.size(); i++) {
            if (Double.compare(s.massAmu(i), Element.of(s.atomicNumber(i)).massAmu()) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '=' || ch == '"'
                || ch == ':')) {
            throw new IllegalArgumentException("extxyz key or column name '" + key
                    + "' must be non-empty without whitespace, '=', ':' or quotes");
        }
    }

    /**
     * Formats an info value: numbers plainly, booleans as T/F, arrays space-separated in quotes, strings quoted
     * with backslash escapes.
     *
     * @param v the value
     * @return the text
     */
    static String formatValue(Object v) {
        if (v instanceof Boolean b) {
            return b ? "T" : "F";
        }
        if (v instanceof Double || v instanceof Float) {
            return formatReal(((Number) v).doubleValue());
        }
        if (v instanceof Number num) {
            return num.toString();
        }
        if (v instanceof double[] d) {
            return '"' + join(d) + '"';
        }
        if (v instanceof long[] l) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < l.length; i++) {
                b.append(i > 0 ? " " : "").append(l[i]);
            }
            return b.append('"').toString();
        }
        if (v instanceof int[] l) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < l.length; i++) {
                b.append(i > 0 ? " " : "").append(l[i]);
            }
            return b.append('"').toString();
        }
        if (v instanceof boolean[] l) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < l.length; i++) {
                b.append(i > 0 ? " " : "").append(l[i] ? 'T' : 'F');
            }
            return b.append('"').toString();
        }
        String s = String.valueOf(v);
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /**
     * Formats a double with the shortest text that parses back to the same value.
     *
     * @param x the value
     * @return the text
     */
    static String formatReal(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return (x == 0 && 1 / x < 0) ? "-0.0" : Long.toString((long) x) + ".0";
        }
        return Double.toString(x);
    }

    private static String join(double[] d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(formatReal(d[i]));
        }
        return b.toString();
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
