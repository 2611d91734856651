package org.proxima.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * One per-atom column of an extended XYZ frame ({@code Properties=name:type:width}) that is not part of the
 * {@link org.proxima.core.model.Structure} or the calculation result, e.g. {@code velocities}, {@code tags} or a
 * user's own data. Values are stored flat, atom-major: atom i's values are at {@code [i·width, (i+1)·width)}.
 *
 * @param name column name
 * @param type value type
 * @param width values per atom (1 or more)
 * @param values a {@code double[]} (REAL), {@code long[]} (INTEGER), {@code boolean[]} (LOGICAL) or
 *     {@code String[]} (STRING) of length N·width
 */
public record Column(String name, Type type, int width, Object values) {

    /** The extxyz column types: R, I, L, S. */
    public enum Type {
        /** Floating point ({@code R}). */
        REAL('R'),
        /** Integer ({@code I}). */
        INTEGER('I'),
        /** Logical, written T/F ({@code L}). */
        LOGICAL('L'),
        /** String without spaces ({@code S}). */
        STRING('S');

        private final char code;

        Type(char code) {
            this.code = code;
        }

        /** @return the one-letter extxyz code */
        public char code() {
            return code;
        }

        /**
         * @param code one of R, I, L, S
         * @return the type
         * @throws IllegalArgumentException for any other letter
         */
        public static Type ofCode(char code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Unknown extxyz column type '" + code + "' (expected R, I, L or S)");
        }
    }

    /**
     * Validates the type of the value array and copies it.
     */
    public Column {
        Objects.requireNonNull(name, "name");
        if (width < 1) {
            throw new IllegalArgumentException("Column '" + name + "' width must be ≥ 1, got " + width);
        }
        values = switch (type) {
            case REAL -> ((double[]) values).clone();
            case INTEGER -> ((long[]) values).clone();
            case LOGICAL -> ((boolean[]) values).clone();
            case STRING -> ((String[]) values).clone();
        };
        if (length(values) % width != 0) {
            throw new IllegalArgumentException("Column '" + name + "' has " + length(values)
                    + " values, not a multiple of its width " + width);
        }
    }

    /**
     * A real-valued column.
     *
     * @param name column name
     * @param width values per atom
     * @param values N·width values
     * @return the column
     */
    public static Column real(String name, int width, double[] values) {
        return new Column(name, Type.REAL, width, values);
    }

    /** @return number of atoms covered */
    public int atomCount() {
        return length(values) / width;
    }

    /** @return the values of a REAL column (a copy) */
    public double[] reals() {
        return ((double[]) values).clone();
    }

    /** @return the values of an INTEGER column (a copy) */
    public long[] integers() {
        return ((long[]) values).clone();
    }

    /** @return the values of a LOGICAL column (a copy) */
    public boolean[] logicals() {
        return ((boolean[]) values).clone();
    }

    /** @return the values of a STRING column (a copy) */
    public String[] strings() {
        return ((String[]) values).clone();
    }

    /** @return a copy of the value array, whatever its type */
    @Override
    public Object values() {
        return switch (type) {
            case REAL -> reals();
            case INTEGER -> integers();
            case LOGICAL -> logicals();
            case STRING -> strings();
        };
    }

    /**
     * The value of atom {@code atom}, component {@code k}, formatted as extxyz writes it.
     *
     * @param atom atom index
     * @param k component, 0 to width − 1
     * @return the text
     */
    String format(int atom, int k) {
        int idx = atom * width + k;
        return switch (type) {
            case REAL -> ExtXyzWriter.formatReal(((double[]) values)[idx]);
            case INTEGER -> Long.toString(((long[]) values)[idx]);
            case LOGICAL -> ((boolean[]) values)[idx] ? "T" : "F";
            case STRING -> ((String[]) values)[idx];
        };
    }

    /**
     * A column holding only some atoms, in the given order.
     *
     * @param indices atom indices to keep
     * @return the new column
     */
    Column select(int[] indices) {
        int n = indices.length * width;
        Object out = switch (type) {
            case REAL -> new double[n];
            case INTEGER -> new long[n];
            case LOGICAL -> new boolean[n];
            case STRING -> new String[n];
        };
        for (int q = 0; q < indices.length; q++) {
            System.arraycopy(values, indices[q] * width, out, q * width, width);
        }
        return new Column(name, type, width, out);
    }

    private static int length(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && name.equals(c.name) && type == c.type && width == c.width
                && Arrays.deepEquals(new Object[] {values}, new Object[] {c.values});
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, width, Arrays.deepHashCode(new Object[] {values}));
    }
}
