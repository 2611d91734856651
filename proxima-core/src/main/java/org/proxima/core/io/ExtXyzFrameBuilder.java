package org.proxima.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Voigt;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Element;
import org.proxima.core.model.InvalidAtomException;
import org.proxima.core.model.Structure;

/**
 * Turns one parsed extended-XYZ frame (the header's key=value pairs and the per-atom columns) into a {@link Frame}:
 * species and positions make the structure, Lattice and pbc the cell, energy, stress, forces and per-atom energies
 * the result; everything else stays as info and columns. Errors name the file and the line.
 */
final class ExtXyzFrameBuilder {

    /** One {@code name:type:width} entry of {@code Properties}. */
    record ColumnSpec(String name, Column.Type type, int width) {
    }

    private final String source;
    private final long headerLine;
    private final int n;
    private final Map<String, String> raw;
    private final List<ColumnSpec> specs;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    ExtXyzFrameBuilder(String source, long headerLine, int n, Map<String, String> raw, List<ColumnSpec> specs,
            Object[] data) {
        this.source = source;
        this.headerLine = headerLine;
        this.n = n;
        this.raw = raw;
        this.specs = specs;
        for (int c = 0; c < specs.size(); c++) {
            ColumnSpec s = specs.get(c);
            columns.put(s.name, new Column(s.name, s.type, s.width, data[c]));
        }
    }

    Frame build() {
        String[] symbols = symbols();
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
        Cell cell = cell(positions, pbc());
        Structure structure;
        try {
            structure = Structure.of(cell, symbols, positions, massCol == null ? null : massCol.reals());
        } catch (InvalidAtomException e) {
            throw new StructureFormatException(source, headerLine + 1 + e.atom(), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, headerLine + 1, e.getMessage(), e);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            info.put(e.getKey(), KeyValueParser.convert(e.getValue()));
        }
        return new Frame(structure, result(info), info, columns);
    }

    private boolean[] pbc() {
        String pbcRaw = raw.remove("pbc");
        if (pbcRaw == null) {
            return null;
        }
        Object v = KeyValueParser.convert(pbcRaw);
        if (v instanceof boolean[] b && b.length == 3) {
            return b;
        } else if (v instanceof Boolean b) {
            return new boolean[] {b, b, b};
        }
        throw new StructureFormatException(source, headerLine, "pbc must be three logicals such as \"T T T\", found '"
                + pbcRaw + "'");
    }

    private Cell cell(double[] positions, boolean[] pbc) {
        String lattice = raw.remove("Lattice");
        try {
            if (lattice == null) {
                return openBox(positions, pbc);
            }
            Object v = KeyValueParser.convert(lattice);
            double[] nine = v instanceof double[] d ? d : v instanceof long[] l ? toDouble(l) : null;
            if (nine == null || nine.length != 9) {
                throw new StructureFormatException(source, headerLine, "Lattice must hold 9 numbers (a, b, c row "
                        + "vectors in Å), found '" + lattice + "'");
            }
            return Cell.ofRowMajor(nine, pbc == null ? new boolean[] {true, true, true} : pbc);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, headerLine, e.getMessage(), e);
        }
    }

    /** Energy with optional stress, forces and per-atom energies; null if the frame has no energy. */
    private CalculationResult result(Map<String, Object> info) {
        if (!(info.get("energy") instanceof Number en)) {
            return null;
        }
        info.remove("energy");
        double[] stress = null;
        Object st = info.remove("stress");
        if (st != null) {
            double[] s = st instanceof double[] d ? d : st instanceof long[] l ? toDouble(l) : null;
            if (s == null || (s.length != 9 && s.length != 6)) {
                throw new StructureFormatException(source, headerLine, "stress must hold 9 or 6 numbers (eV/Å³), "
                        + "found '" + raw.get("stress") + "'");
            }
            stress = s.length == 9 ? Voigt.fromRowMajor(s) : s;
        }
        Column forces = realColumn("forces", 3);
        Column energies = realColumn("energies", 1);
        columns.remove("forces");
        columns.remove("energies");
        return new CalculationResult(en.doubleValue(), forces == null ? null : forces.reals(), stress,
                energies == null ? null : energies.reals());
    }

    private Column realColumn(String name, int width) {
        Column c = columns.get(name);
        if (c != null && (c.type() != Column.Type.REAL || c.width() != width)) {
            throw new StructureFormatException(source, headerLine, "column '" + name + "' must be " + name + ":R:"
                    + width + ", found " + name + ":" + c.type().code() + ":" + c.width());
        }
        return c;
    }

    private String[] symbols() {
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
                    s[i] = Element.of((int) numbers[i]).symbol();
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
        return Cell.of(new DMatrix3x3(hi[0] - lo[0] + 1, 0, 0, 0, hi[1] - lo[1] + 1, 0, 0, 0, hi[2] - lo[2] + 1),
                false, false, false);
    }

    /**
     * Parses a {@code Properties} value (ASE's default species:S:1:pos:R:3 when absent).
     *
     * @param spec the value, or null
     * @param source the file, for messages
     * @param line the header line
     * @return the columns
     */
    static List<ColumnSpec> parseProperties(String spec, String source, long line) {
        String text = spec == null ? "species:S:1:pos:R:3" : spec;
        String[] parts = text.split(":");
        if (parts.length % 3 != 0) {
            throw new StructureFormatException(source, line, "Properties must be name:type:width triples, found '"
                    + text + "'");
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

    /**
     * @param specs columns
     * @return them as a Properties value
     */
    static String describe(List<ColumnSpec> specs) {
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
}
