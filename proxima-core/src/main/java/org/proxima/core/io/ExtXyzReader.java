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
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.proxima.core.model.Structure;

/**
 * Streams frames from an extended XYZ file in the dialect ASE writes: {@code Lattice}, {@code Properties},
 * {@code pbc}, {@code energy}, {@code stress} (9 values or 6 Voigt), per-atom {@code forces} and {@code energies},
 * and any other key=value information and per-atom columns. One frame is parsed at a time, so files of any length
 * can be read.
 *
 * <p>Mapping: {@code species} (or {@code Z}) and {@code pos} make the {@link Structure}, a {@code masses} column
 * overrides the default masses; {@code energy} with optional {@code forces}, {@code energies} and {@code stress}
 * make the {@link org.proxima.core.calc.CalculationResult}; everything else stays in {@link Frame#info()} and {@link Frame#columns()}.
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
        int n = atomCount(countLine);
        String header = readLine();
        if (header == null) {
            throw new StructureFormatException(source, lineNumber + 1, "expected the comment (key=value) line, "
                    + "found end of file");
        }
        long headerLine = lineNumber;
        Map<String, String> raw = KeyValueParser.split(header, source, headerLine);
        List<ExtXyzFrameBuilder.ColumnSpec> specs = ExtXyzFrameBuilder.parseProperties(raw.remove("Properties"),
                source, headerLine);
        Object[] data = readAtoms(n, specs);
        return new ExtXyzFrameBuilder(source, headerLine, n, raw, specs, data).build();
    }

    private int atomCount(String countLine) {
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
        return n;
    }

    /** Reads the n atom lines into one array per column (double[], long[], boolean[] or String[]). */
    private Object[] readAtoms(int n, List<ExtXyzFrameBuilder.ColumnSpec> specs) {
        int perLine = 0;
        Object[] data = new Object[specs.size()];
        for (int c = 0; c < specs.size(); c++) {
            ExtXyzFrameBuilder.ColumnSpec s = specs.get(c);
            perLine += s.width();
            data[c] = switch (s.type()) {
                case REAL -> new double[n * s.width()];
                case INTEGER -> new long[n * s.width()];
                case LOGICAL -> new boolean[n * s.width()];
                case STRING -> new String[n * s.width()];
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
                        + " columns (Properties " + ExtXyzFrameBuilder.describe(specs) + "), found " + found);
            }
            int t = 0;
            for (int c = 0; c < specs.size(); c++) {
                for (int k = 0; k < specs.get(c).width(); k++, t++) {
                    store(specs.get(c), data[c], i * specs.get(c).width() + k, tokens[t], t);
                }
            }
        }
        return data;
    }

    private void store(ExtXyzFrameBuilder.ColumnSpec s, Object column, int idx, String tok, int t) {
        try {
            switch (s.type()) {
                case REAL -> ((double[]) column)[idx] = KeyValueParser.parseReal(tok);
                case INTEGER -> ((long[]) column)[idx] = Long.parseLong(tok);
                case LOGICAL -> {
                    Boolean b = KeyValueParser.parseLogical(tok);
                    if (b == null) {
                        throw new NumberFormatException();
                    }
                    ((boolean[]) column)[idx] = b;
                }
                case STRING -> ((String[]) column)[idx] = tok;
            }
        } catch (NumberFormatException e) {
            throw new StructureFormatException(source, lineNumber, "column " + (t + 1) + " ('" + s.name()
                    + "'): expected " + s.type().name().toLowerCase(java.util.Locale.ROOT) + ", found '" + tok + "'");
        }
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

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

}
