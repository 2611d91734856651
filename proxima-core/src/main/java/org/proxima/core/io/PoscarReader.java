package org.proxima.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Element;
import org.proxima.core.model.Structure;

/**
 * Reads VASP POSCAR/CONTCAR files (VASP 5 with a species line; VASP 4 with the species names as the first words
 * of the comment line, as ASE accepts), with a negative scale factor meaning the volume, optional
 * {@code Selective dynamics}, {@code Direct} or {@code Cartesian} coordinates, and an optional velocity block
 * (Å/fs in VASP, kept as the {@code velocities} column).
 */
public final class PoscarReader {

    private PoscarReader() {
    }

    /**
     * Reads a POSCAR file.
     *
     * @param path the file
     * @return the frame (structure, and velocities if present)
     */
    public static Frame read(Path path) {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            List<String> lines = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
            return parse(lines, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read POSCAR " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses POSCAR text.
     *
     * @param lines the file's lines
     * @param source name for error messages
     * @return the frame
     */
    public static Frame parse(List<String> lines, String source) {
        Cursor c = new Cursor(lines, source);
        String comment = c.line("the comment line");
        double scale = c.reals("the scale factor", 1)[0];
        double[] nine = new double[9];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(c.reals("lattice vector " + (k + 1) + " (3 numbers)", 3), 0, nine, 3 * k, 3);
        }
        String[] words = c.words("species names or atom counts");
        String[] names;
        if (isIntegers(words)) {
            names = comment.trim().split("\\s+");
            if (names.length < words.length || !allElements(names, words.length)) {
                throw new StructureFormatException(source, c.lineNumber(), "VASP 4 POSCAR without a species line:"
                        + " put the element symbols on line 6 or as the first words of the comment line");
            }
        } else {
            names = speciesLine(words, c, source);
            words = c.words("atom counts");
        }
        int[] counts = counts(words, c, source);
        boolean cartesian = cartesian(c, source);
        double factor = scaleFactor(scale, nine);
        for (int k = 0; k < 9; k++) {
            nine[k] *= factor;
        }
        Cell cell;
        try {
            cell = Cell.ofRowMajor(nine, true, true, true);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, 3, e.getMessage(), e);
        }
        int n = java.util.Arrays.stream(counts).sum();
        String[] symbols = new String[n];
        double[] pos = new double[3 * n];
        int atom = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int q = 0; q < counts[k]; q++, atom++) {
                symbols[atom] = names[k].split("[/_]")[0];
                System.arraycopy(c.reals("coordinates of atom " + (atom + 1), 3), 0, pos, 3 * atom, 3);
            }
        }
        if (cartesian) {
            for (int k = 0; k < pos.length; k++) {
                pos[k] *= factor;
            }
        } else {
            cell.toCartesian(pos, pos);
        }
        Structure s;
        try {
            s = Structure.of(cell, symbols, pos);
        } catch (IllegalArgumentException e) {
            throw new StructureFormatException(source, 0, e.getMessage(), e);
        }
        return withVelocities(Frame.of(s), c, n);
    }

    private static String[] speciesLine(String[] names, Cursor c, String source) {
        for (String nm : names) {
            String sym = nm.split("[/_]")[0];
            if (Element.find(sym).isEmpty()) {
                throw new StructureFormatException(source, c.lineNumber(), "unknown element '" + nm
                        + "' in species line");
            }
        }
        return names;
    }

    private static int[] counts(String[] words, Cursor c, String source) {
        int[] counts = new int[words.length];
        for (int k = 0; k < words.length; k++) {
            try {
                counts[k] = Integer.parseInt(words[k]);
            } catch (NumberFormatException e) {
                throw new StructureFormatException(source, c.lineNumber(), "expected atom counts, found '" + words[k]
                        + "'");
            }
        }
        return counts;
    }

    /** Reads the (optional Selective dynamics and) Direct/Cartesian line. */
    private static boolean cartesian(Cursor c, String source) {
        String mode = c.line("Direct or Cartesian").trim();
        if (mode.toLowerCase(Locale.ROOT).startsWith("s")) {
            mode = c.line("Direct or Cartesian").trim();
        }
        char m = mode.isEmpty() ? ' ' : Character.toLowerCase(mode.charAt(0));
        boolean cartesian = m == 'c' || m == 'k';
        if (!cartesian && m != 'd') {
            throw new StructureFormatException(source, c.lineNumber(), "expected 'Direct' or 'Cartesian', found '"
                    + mode + "'");
        }
        return cartesian;
    }

    /** The POSCAR scale: a factor, or (negative) the volume to scale the cell to. */
    private static double scaleFactor(double scale, double[] nine) {
        if (scale >= 0) {
            return scale;
        }
        DMatrix3x3 h = new DMatrix3x3(nine[0], nine[1], nine[2], nine[3], nine[4], nine[5], nine[6], nine[7],
                nine[8]);
        double vol = Math.abs(Cell.of(h, true, true, true).volumeA3());
        return Math.cbrt(-scale / vol);
    }

    /** The optional velocity block after the positions. */
    private static Frame withVelocities(Frame frame, Cursor c, int n) {
        if (!c.skipBlank()) {
            return frame;
        }
        double[] v = new double[3 * n];
        for (int i = 0; i < n; i++) {
            String[] w = c.peekWords();
            if (w == null || w.length < 3 || !isReals(w)) {
                return frame;
            }
            System.arraycopy(c.reals("velocity of atom " + (i + 1), 3), 0, v, 3 * i, 3);
        }
        return frame.withVelocities(v);
    }

    private static boolean isIntegers(String[] w) {
        for (String s : w) {
            if (!s.matches("\\d+")) {
                return false;
            }
        }
        return w.length > 0;
    }

    private static boolean isReals(String[] w) {
        try {
            for (int k = 0; k < 3; k++) {
                KeyValueParser.parseReal(w[k]);
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean allElements(String[] names, int count) {
        for (int k = 0; k < count; k++) {
            if (Element.find(names[k]).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Line cursor with error reporting. */
    private static final class Cursor {
        private final List<String> lines;
        private final String source;
        private int next;

        Cursor(List<String> lines, String source) {
            this.lines = lines;
            this.source = source;
        }

        int lineNumber() {
            return next;
        }

        String line(String expected) {
            if (next >= lines.size()) {
                throw new StructureFormatException(source, next + 1, "expected " + expected + ", found end of file");
            }
            return lines.get(next++);
        }

        String[] words(String expected) {
            String l = line(expected).trim();
            if (l.isEmpty()) {
                throw new StructureFormatException(source, next, "expected " + expected + ", found an empty line");
            }
            return l.split("\\s+");
        }

        double[] reals(String expected, int count) {
            String[] w = words(expected);
            if (w.length < count) {
                throw new StructureFormatException(source, next, "expected " + expected + ", found '"
                        + String.join(" ", w) + "'");
            }
            double[] out = new double[count];
            for (int k = 0; k < count; k++) {
                try {
                    out[k] = KeyValueParser.parseReal(w[k]);
                } catch (NumberFormatException e) {
                    throw new StructureFormatException(source, next, "expected " + expected + ", found '" + w[k]
                            + "'");
                }
            }
            return out;
        }

        boolean skipBlank() {
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            return next < lines.size();
        }

        String[] peekWords() {
            if (next >= lines.size()) {
                return null;
            }
            String l = lines.get(next).trim();
            return l.isEmpty() ? null : l.split("\\s+");
        }
    }
}
