package org.proxima.md.analysis;

import java.util.Arrays;

/** A growable series of doubles (one value per recorded step), without boxing. */
public final class DoubleSeries {

    private double[] values = new double[1024];
    private int size;

    /**
     * @param value value to append
     */
    public void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    /** @return number of values */
    public int size() {
        return size;
    }

    /**
     * @param index index
     * @return the value
     */
    public double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Index " + index + " out of [0, " + size + ")");
        }
        return values[index];
    }

    /** @return a copy of the values */
    public double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /**
     * Replaces the contents (for restoring a checkpoint).
     *
     * @param restored the values
     */
    public void setAll(double[] restored) {
        values = Arrays.copyOf(restored, Math.max(1024, restored.length));
        size = restored.length;
    }

    /**
     * @param from first index included
     * @return a copy of the values from that index on
     */
    public double[] tail(int from) {
        int f = Math.max(0, Math.min(from, size));
        return Arrays.copyOfRange(values, f, size);
    }
}
