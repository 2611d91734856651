package org.proxima.core.io;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Voigt;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;

/**
 * Streams frames from an extended XYZ file in the dialect ASE writes: {@code Lattice}, {@code Properties},
 * {@code pbc}, {@code energy}, {@code stress} (9 values or 6 Voigt), per-atom {@code forces} and {@code energies},
 * and any other key=value information and per-atom columns. One frame is parsed at a time, so files of any length
 * can be read.
 *
 * <p>Mapping: {@code species} (or {@code Z}) and {@code pos} make the {@link Structure}, a {@code masses} column
 * overrides the default masses; {@code energy} with optional {@code forces}, {@code energies} and {@code stress}
 * make the {@link CalculationResult}; everything else stays in {@link Frame#info()} and {@link Frame#columns()}.
 * A frame without {@code Lattice} is given an open (non-periodic) box 1 Å larger than the atoms' extent, since
 * Proxima needs a non-singular cell. Malformed input raises {@link StructureFormatException} naming the file, the
 * line and what was expected.
 */
public final class ExtXyzReader implements Iterator<Frame>, Closeable {

    private final BufferedReader in;
    private final String source;
    private long lineNumber;
    private Frame next;
    private boolean done;

    /**
     * @param in the text to read (closed by {@link #close()})
     * @param source the file name used in error messages
     */
    public ExtXyzReader(BufferedReader in, String source) {
        this.in = in;
        this.source = source;
    }

    /**
     * Opens a file.
     *
     * @param path the file
     * @return a reader positioned before the first frame
     */
    public static ExtXyzReader open(Path path) {
        try {
            return new ExtXyzReader(Files.newBufferedReader(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open extended XYZ file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads every frame of a file into memory (use {@link #open} and iterate for long files).
     *
     * @param path the file
     * @return the frames in order
     */
    public static List<Frame> readAll(Path path) {
        try (ExtXyzReader r = open(path)) {
            List<Frame> frames = new ArrayList<>();
            r.forEachRemaining(frames::add);
            return frames;
        }
    }

    /**
     * Reads the first frame of a file.
     *
     * @param path the file
     * @return the first frame
     */
    public static Frame readFirst(Path path) {
        try (ExtXyzReader r = open(path)) {
            if (!r.hasNext()) {
                throw new StructureFormatException(path.toString(), 0, "file holds no frame");
            }
            return r.next();
        }
    }

    /** @return the remaining frames as a lazy sequential stream; closing the stream closes the reader */
    public Stream<Frame> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readFrame();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more frames in " + source);
        }
        Frame f = next;
        next = null;
        return f;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() {
        try {
            String l = in.readLine();
            if (l != null) {
                lineNumber++;
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException("Error reading " + source + " after line " + lineNumber, e);
        }
    }

    private Frame readFrame() {
        String countLine;
        do {
            countLine = readLine();
            if (countLine == null) {
                return null;
            }
        } while (countLine.isBlank());
        int n;
        try {
            n = Integer.parseInt(countLine.trim());
        } catch (NumberFormatException e) {
            throw new StructureFormatException(source, lineNumber, "expected the number of atoms, found '"
                    + abbreviate(countLine) + "'");
        }
        if (n < 0) {
            throw new StructureFormatException(source, lineNumber, "negative number of atoms " + n);
        }
        String header = readLine();
        if (header == null) {
            throw new StructureFormatException(source, lineNumber + 1, "expected the comment (key=value) line, "
                    + "found end of file");
        }
        long headerLine = lineNumber;
        Map<String, String> raw = KeyValueParser.split(header, source, headerLine);
        List<ColumnSpec> specs = parseProperties(raw.remove("Properties"), headerLine);
        int perLine = 0;
        for (ColumnSpec s : specs) {
            perLine += s.width;
        }
        Object[] data = new Object[specs.size()];
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec s = specs.get(c);
            data[c] = switch (s.type) {
                case REAL -> new double[n * s.width];
                case INTEGER -> new long[n * s.width];
                case LOGICAL -> new boolean[n * s.width];
                case STRING -> new String[n * s.width];
            };
        }
        String[] tokens = new String[perLine];
        for (int i = 0; i < n; i++) {
            String line = readLine();
            if (line == null) {
                throw new StructureFormatException(source, lineNumber + 1, "expected atom line " + (i + 1) + " of "
                        + n + ", found end of file");
            }
            int found = tokenize(line, tokens);
            if (found != perLine) {
                throw new StructureFormatException(source, lineNumber, "expected " + perLine
                        + " columns (Properties " + describe(specs) + "), found " + found);
            }
            int t = 0;
            for (int c = 0; c < specs.size(); c++) {
                ColumnSpec s = specs.get(c);
                for (int k = 0; k < s.width; k++, t++) {
                    int idx = i * s.width + k;
                    String tok = tokens[t];
                    try {
                        switch (s.type) {
                            case REAL -> ((double[]) data[c])[idx] = KeyValueParser.parseReal(tok);
                            case INTEGER -> ((long[]) data[c])[idx] = Long.parseLong(tok);
                            case LOGICAL -> {
                                Boolean b = KeyValueParser.parseLogical(tok);
                                if (b == null) {
                                    throw new NumberFormatException();
                                }
                                ((boolean[]) data[c])[idx] = b;
                            }
                            case STRING -> ((String[]) data[c])[idx] = tok;
                        }
                    } catch (NumberFormatException e) {
                        throw new StructureFormatException(source, lineNumber, "column " + (t + 1) + " ('" + s.name
                                + "'): expected " + s.type.name().toLowerCase(java.util.Locale.ROOT) + ", found '"
                                + tok + "'");
                    }
                }
            }
        }
        return assemble(n, raw, specs, data, headerLine);
    }

    private Frame assemble(int n, Map<String, String> raw, List<ColumnSpec> specs, Object[] data, long headerLine) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec s = specs.get(c);
            columns.put(s.name, new Column(s.name, s.type, s.width, data[c]));
        }
        String[] symbols = symbols(columns, n, headerLine);
        Column pos = columns.remove("pos");
        if (pos == null) {
            pos = columns.remove("positions");
        }
        if (pos == null || pos.type() != Column.Type.REAL || pos.width() != 3) {
            throw new StructureFormatException(source, headerLine, "Properties must contain pos:R:3, found "
                    + describe(specs));
        }
        double[] positions = pos.reals();
        Column massCol = columns.remove("masses");
        double[] masses = massCol == null ? null : massCol.reals();

        boolean[] pbc = null;
        String pbcRaw = raw.remove("pbc");
        if (pbcRaw != null) {
            Object v = KeyValueParser.convert(pbcRaw);
            if (v instanceof boolean[] b && b.length == 3) {
                pbc = b;
            } else if (v instanceof Boolean b) {
                pbc = new boolean[] {b, b, b};
            } else {
                throw new StructureFormatException(source, headerLine, "pbc must be three logicals such as "
                        + "\"T T T\", found '" + pbcRaw + "'");
            }
        }
        Cell cell;
        String lattice = raw.remove("Lattice");
        try {
            if (lattice != null) {
                Object v = KeyValueParser.convert(lattice);
                double[] nine = v instanceof double[] d ? d : v instanceof long[] l ? toDouble(l) : null;
                if (nine == null || nine.length != 9) {
                    throw new StructureFormatException(source, headerLine, "Lattice must hold 9 numbers "
                            + "(a, b, c row vectors in Å), found '" + lattice + "'");
                }
                cell = Cell.ofRowMajor(nine, pbc == null ? new boolean[] {true, true, true} : pbc);
            } else {
                cell = openBox(positions, pbc);
            }
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, headerLine, e.getMessage(), e);
        }
        Structure structure;
        try {
            structure = Structure.of(cell, symbols, positions, masses);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, headerLine + 1, e.getMessage(), e);
        }

        Map<String, Object> info = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            info.put(e.getKey(), KeyValueParser.convert(e.getValue()));
        }
        CalculationResult result = null;
        Object energy = info.get("energy");
        if (energy instanceof Number en) {
            info.remove("energy");
            double[] stress = null;
            Object st = info.get("stress");
            if (st != null) {
                double[] s = st instanceof double[] d ? d : st instanceof long[] l ? toDouble(l) : null;
                if (s == null || (s.length != 9 && s.length != 6)) {
                    throw new StructureFormatException(source, headerLine, "stress must hold 9 or 6 numbers "
                            + "(eV/Å³), found '" + raw.get("stress") + "'");
                }
                stress = s.length == 9 ? Voigt.fromRowMajor(s) : s;
                info.remove("stress");
            }
            Column forces = realColumn(columns, "forces", 3, headerLine);
            Column energies = realColumn(columns, "energies", 1, headerLine);
            if (forces != null) {
                columns.remove("forces");
            }
            if (energies != null) {
                columns.remove("energies");
            }
            result = new CalculationResult(en.doubleValue(), forces == null ? null : forces.reals(), stress,
                    energies == null ? null : energies.reals());
        }
        return new Frame(structure, result, info, columns);
    }

    private Column realColumn(Map<String, Column> columns, String name, int width, long headerLine) {
        Column c = columns.get(name);
        if (c != null && (c.type() != Column.Type.REAL || c.width() != width)) {
            throw new StructureFormatException(source, headerLine, "column '" + name + "' must be " + name + ":R:"
                    + width + ", found " + name + ":" + c.type().code() + ":" + c.width());
        }
        return c;
    }

    private String[] symbols(Map<String, Column> columns, int n, long headerLine) {
        Column species = columns.remove("species");
        if (species != null) {
            if (species.type() != Column.Type.STRING || species.width() != 1) {
                throw new StructureFormatException(source, headerLine, "species must be species:S:1");
            }
            return species.strings();
        }
        Column z = columns.remove("Z");
        if (z != null && z.type() == Column.Type.INTEGER && z.width() == 1) {
            long[] numbers = z.integers();
            String[] s = new String[n];
            for (int i = 0; i < n; i++) {
                try {
                    s[i] = org.proxima.core.model.Element.of((int) numbers[i]).symbol();
                } catch (IllegalArgumentException e) {
                    throw new StructureFormatException(source, headerLine + 1 + i, e.getMessage(), e);
                }
            }
            return s;
        }
        throw new StructureFormatException(source, headerLine, "Properties must contain species:S:1 or Z:I:1");
    }

    private static Cell openBox(double[] positions, boolean[] pbc) {
        if (pbc != null && (pbc[0] || pbc[1] || pbc[2])) {
            throw new IllegalArgumentException("pbc is true but the frame has no Lattice");
        }
        double[] lo = {0, 0, 0};
        double[] hi = {0, 0, 0};
        for (int i = 0; i < positions.length; i++) {
            lo[i % 3] = Math.min(lo[i % 3], positions[i]);
            hi[i % 3] = Math.max(hi[i % 3], positions[i]);
        }
        return Cell.of(new org.ejml.data.DMatrix3x3(hi[0] - lo[0] + 1, 0, 0, 0, hi[1] - lo[1] + 1, 0, 0, 0,
                hi[2] - lo[2] + 1), false, false, false);
    }

    private List<ColumnSpec> parseProperties(String spec, long line) {
        if (spec == null) {
            spec = "species:S:1:pos:R:3";
        }
        String[] parts = spec.split(":");
        if (parts.length % 3 != 0) {
            throw new StructureFormatException(source, line, "Properties must be name:type:width triples, found '"
                    + spec + "'");
        }
        List<ColumnSpec> out = new ArrayList<>();
        for (int k = 0; k < parts.length; k += 3) {
            Column.Type type;
            int width;
            try {
                if (parts[k + 1].length() != 1) {
                    throw new IllegalArgumentException("Unknown extxyz column type '" + parts[k + 1] + "'");
                }
                type = Column.Type.ofCode(parts[k + 1].charAt(0));
                width = Integer.parseInt(parts[k + 2]);
            } catch (IllegalArgumentException e) {
                throw new StructureFormatException(source, line, "bad Properties entry '" + parts[k] + ":"
                        + parts[k + 1] + ":" + parts[k + 2] + "': " + e.getMessage());
            }
            if (width < 1) {
                throw new StructureFormatException(source, line, "column '" + parts[k] + "' has width " + width);
            }
            out.add(new ColumnSpec(parts[k], type, width));
        }
        return out;
    }

    private static int tokenize(String line, String[] out) {
        int count = 0;
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (count < out.length) {
                out[count] = line.substring(start, i);
            }
            count++;
        }
        return count;
    }

    private static String describe(List<ColumnSpec> specs) {
        StringBuilder b = new StringBuilder();
        for (ColumnSpec s : specs) {
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(s.name).append(':').append(s.type.code()).append(':').append(s.width);
        }
        return b.toString();
    }

    private static double[] toDouble(long[] l) {
        double[] d = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            d[i] = l[i];
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private record ColumnSpec(String name, Column.Type type, int width) {
    }
}
