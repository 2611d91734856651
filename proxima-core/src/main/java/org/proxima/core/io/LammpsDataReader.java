package org.proxima.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.model.Cell;
import org.proxima.core.model.Element;
import org.proxima.core.model.Structure;
import org.proxima.core.units.Units;

/**
 * Reads LAMMPS data files in atom style {@code atomic} ({@code id type x y z [ix iy iz]}), orthogonal or
 * triclinic ({@code xy xz yz} tilt line), with {@code Masses} and optional {@code Velocities} sections, in LAMMPS
 * {@code metal} units (velocities in Å/ps are converted to Å/fs).
 *
 * <p>Atom types are mapped to elements from, in order: an explicit map given by the caller; a comment after the
 * mass in the {@code Masses} section ({@code 1 28.0855 # Si}); the element whose default mass is closest to the
 * given mass (within 0.1 amu). Atoms are returned sorted by id, positions relative to the box origin
 * (xlo, ylo, zlo), and image flags are ignored (positions are taken as written).
 */
public final class LammpsDataReader {

    private LammpsDataReader() {
    }

    /**
     * Reads a data file, inferring elements from the Masses section.
     *
     * @param path the file
     * @return the frame
     */
    public static Frame read(Path path) {
        return read(path, Map.of());
    }

    /**
     * Reads a data file with an explicit type → element map.
     *
     * @param path the file
     * @param typeSymbols element symbol per atom type (1-based); types not in the map are inferred
     * @return the frame
     */
    public static Frame read(Path path, Map<Integer, String> typeSymbols) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read LAMMPS data file " + path + ": " + e.getMessage(), e);
        }
        return parse(lines, path.toString(), typeSymbols);
    }

    /**
     * Parses data-file text.
     *
     * @param lines the lines
     * @param source name for messages
     * @param typeSymbols explicit type → element map (may be empty)
     * @return the frame
     */
    public static Frame parse(List<String> lines, String source, Map<Integer, String> typeSymbols) {
        Parser p = new Parser(lines, source);
        p.header();
        p.sections();
        return p.frame(typeSymbols);
    }

    /** The state of one parse: a cursor over the lines and what has been read. */
    private static final class Parser {
        private final List<String> lines;
        private final String source;
        private int i = 1; // first line is a comment
        private int natoms = -1;
        private final double[] lo = new double[3];
        private final double[] hi = new double[3];
        private final boolean[] haveBounds = new boolean[3];
        private double xy;
        private double xz;
        private double yz;
        private final Map<Integer, Double> masses = new HashMap<>();
        private final Map<Integer, String> commentSymbols = new HashMap<>();
        private long[] ids;
        private int[] types;
        private double[] pos;
        private final Map<Long, double[]> velocities = new HashMap<>();

        Parser(List<String> lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        private boolean inSection() {
            return i < lines.size() && !isSectionName(firstWord(lines.get(i)));
        }

        void header() {
            for (; i < lines.size(); i++) {
                String l = strip(lines.get(i));
                if (l.isEmpty()) {
                    continue;
                }
                String[] w = l.split("\\s+");
                if (isSectionName(w[0])) {
                    break;
                }
                try {
                    headerLine(w);
                } catch (RuntimeException e) {
                    throw new StructureFormatException(source, i + 1, "cannot parse header line '" + l + "'");
                }
            }
            if (natoms < 0) {
                throw new StructureFormatException(source, 0, "missing 'N atoms' header line");
            }
            for (int k = 0; k < 3; k++) {
                if (!haveBounds[k]) {
                    throw new StructureFormatException(source, 0, "missing '" + "xyz".charAt(k) + "lo "
                            + "xyz".charAt(k) + "hi' header line");
                }
            }
        }

        private void headerLine(String[] w) {
            if (w.length >= 2 && w[1].equals("atoms")) {
                natoms = Integer.parseInt(w[0]);
            } else if (w.length >= 4 && w[2].endsWith("lo") && w[3].endsWith("hi")) {
                int axis = "xyz".indexOf(w[2].charAt(0));
                lo[axis] = KeyValueParser.parseReal(w[0]);
                hi[axis] = KeyValueParser.parseReal(w[1]);
                haveBounds[axis] = true;
            } else if (w.length >= 6 && w[3].equals("xy")) {
                xy = KeyValueParser.parseReal(w[0]);
                xz = KeyValueParser.parseReal(w[1]);
                yz = KeyValueParser.parseReal(w[2]);
            }
        }

        void sections() {
            while (i < lines.size()) {
                String section = strip(lines.get(i));
                if (section.isEmpty()) {
                    i++;
                    continue;
                }
                String name = section.split("\\s+")[0];
                i++;
                switch (name) {
                    case "Masses" -> masses();
                    case "Atoms" -> atoms(section);
                    case "Velocities" -> velocities();
                    default -> {
                        while (inSection()) { // skip unknown sections (e.g. Pair Coeffs)
                            i++;
                        }
                    }
                }
            }
            if (ids == null) {
                throw new StructureFormatException(source, 0, "missing 'Atoms' section");
            }
        }

        private void masses() {
            for (; inSection(); i++) {
                String raw = lines.get(i);
                String l = strip(raw);
                if (l.isEmpty()) {
                    continue;
                }
                String[] w = l.split("\\s+");
                try {
                    int type = Integer.parseInt(w[0]);
                    masses.put(type, KeyValueParser.parseReal(w[1]));
                    int hash = raw.indexOf('#');
                    if (hash >= 0) {
                        String c = raw.substring(hash + 1).trim();
                        if (!c.isEmpty() && Element.find(c.split("\\s+")[0]).isPresent()) {
                            commentSymbols.put(type, c.split("\\s+")[0]);
                        }
                    }
                } catch (RuntimeException e) {
                    throw new StructureFormatException(source, i + 1, "expected 'type mass', found '" + l + "'");
                }
            }
        }

        private void atoms(String section) {
            if (section.contains("#") && !section.substring(section.indexOf('#') + 1).trim().startsWith("atomic")) {
                throw new StructureFormatException(source, i, "only atom style 'atomic' is supported, found '"
                        + section + "'");
            }
            ids = new long[natoms];
            types = new int[natoms];
            pos = new double[3 * natoms];
            int a = 0;
            for (; inSection(); i++) {
                String l = strip(lines.get(i));
                if (l.isEmpty()) {
                    continue;
                }
                atomLine(a, l);
                a++;
            }
            if (a != natoms) {
                throw new StructureFormatException(source, i, "Atoms section has " + a + " lines but the header "
                        + "declares " + natoms + " atoms");
            }
        }

        private void atomLine(int a, String l) {
            String[] w = l.split("\\s+");
            if (a >= natoms) {
                throw new StructureFormatException(source, i + 1, "more atom lines than the " + natoms + " declared");
            }
            if (w.length != 5 && w.length != 8) {
                throw new StructureFormatException(source, i + 1, "expected 'id type x y z [ix iy iz]' (atom style "
                        + "atomic), found " + w.length + " columns");
            }
            try {
                ids[a] = Long.parseLong(w[0]);
                types[a] = Integer.parseInt(w[1]);
                for (int k = 0; k < 3; k++) {
                    pos[3 * a + k] = KeyValueParser.parseReal(w[2 + k]);
                }
            } catch (NumberFormatException e) {
                throw new StructureFormatException(source, i + 1, "expected 'id type x y z', found '" + l + "'");
            }
        }

        private void velocities() {
            for (; inSection(); i++) {
                String l = strip(lines.get(i));
                if (l.isEmpty()) {
                    continue;
                }
                String[] w = l.split("\\s+");
                try {
                    velocities.put(Long.parseLong(w[0]), new double[] {KeyValueParser.parseReal(w[1]),
                        KeyValueParser.parseReal(w[2]), KeyValueParser.parseReal(w[3])});
                } catch (RuntimeException e) {
                    throw new StructureFormatException(source, i + 1, "expected 'id vx vy vz', found '" + l + "'");
                }
            }
        }

        /** The atoms in id order, positions shifted to the box origin, velocities converted from Å/ps. */
        Frame frame(Map<Integer, String> typeSymbols) {
            Integer[] order = new Integer[natoms];
            for (int a = 0; a < natoms; a++) {
                order[a] = a;
            }
            java.util.Arrays.sort(order, (p, q) -> Long.compare(ids[p], ids[q]));
            String[] symbols = new String[natoms];
            double[] sortedPos = new double[3 * natoms];
            double[] massArr = new double[natoms];
            double[] vel = velocities.isEmpty() ? null : new double[3 * natoms];
            for (int q = 0; q < natoms; q++) {
                int a = order[q];
                symbols[q] = symbolFor(types[a], typeSymbols, commentSymbols, masses, source);
                Double m = masses.get(types[a]);
                massArr[q] = m != null ? m : Element.of(symbols[q]).massAmu();
                for (int k = 0; k < 3; k++) {
                    sortedPos[3 * q + k] = pos[3 * a + k] - lo[k];
                }
                if (vel != null) {
                    copyVelocity(ids[a], vel, q);
                }
            }
            Structure s;
            try {
                Cell cell = Cell.ofRowMajor(new double[] {hi[0] - lo[0], 0, 0, xy, hi[1] - lo[1], 0, xz, yz,
                    hi[2] - lo[2]}, true, true, true);
                s = Structure.of(cell, symbols, sortedPos, massArr);
            } catch (IllegalArgumentException e) {
                throw new StructureFormatException(source, 0, e.getMessage(), e);
            }
            Frame f = Frame.of(s);
            return vel == null ? f : f.withVelocities(vel);
        }

        private void copyVelocity(long id, double[] vel, int q) {
            double[] v = velocities.get(id);
            if (v == null) {
                throw new StructureFormatException(source, 0, "Velocities section has no line for atom id " + id);
            }
            for (int k = 0; k < 3; k++) {
                vel[3 * q + k] = v[k] * Units.A_PER_PS_IN_A_PER_FS;
            }
        }
    }

    private static String symbolFor(int type, Map<Integer, String> explicit, Map<Integer, String> comments,
            Map<Integer, Double> masses, String source) {
        if (explicit.containsKey(type)) {
            return Element.of(explicit.get(type)).symbol();
        }
        if (comments.containsKey(type)) {
            return comments.get(type);
        }
        Double m = masses.get(type);
        if (m != null) {
            Element best = null;
            for (int z = 1; z <= 103; z++) {
                Element e = Element.of(z);
                if (e.hasDefaultMass() && (best == null
                        || Math.abs(e.massAmu() - m) < Math.abs(best.massAmu() - m))) {
                    best = e;
                }
            }
            if (best != null && Math.abs(best.massAmu() - m) < 0.1) {
                return best.symbol();
            }
        }
        throw new StructureFormatException(source, 0, "cannot tell the element of atom type " + type
                + " (mass " + m + "): add '# Symbol' after its mass in the Masses section or pass a type map");
    }

    private static boolean isSectionName(String w) {
        return switch (w) {
            case "Atoms", "Velocities", "Masses", "Bonds", "Angles", "Dihedrals", "Impropers", "Ellipsoids", "Lines",
                    "Triangles", "Bodies", "Pair", "PairIJ", "Bond", "Angle", "Dihedral", "Improper" -> true;
            default -> false;
        };
    }

    private static String firstWord(String line) {
        String l = strip(line);
        return l.isEmpty() ? "" : l.split("\\s+")[0];
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }
}
