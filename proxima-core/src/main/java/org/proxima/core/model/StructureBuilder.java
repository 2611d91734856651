package org.proxima.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Adds atoms one at a time; masses default to the element table. */
public final class StructureBuilder {
    private final Cell cell;
    private final List<String> symbols = new ArrayList<>();
    private final List<double[]> positions = new ArrayList<>();
    private final List<Double> masses = new ArrayList<>();

    StructureBuilder(Cell cell) {
        this.cell = Objects.requireNonNull(cell, "cell");
    }

    /**
     * Adds an atom with the default mass.
     *
     * @param symbol element symbol
     * @param xA x, Å
     * @param yA y, Å
     * @param zA z, Å
     * @return this builder
     */
    public StructureBuilder add(String symbol, double xA, double yA, double zA) {
        return add(symbol, xA, yA, zA, Element.of(symbol).massAmu());
    }

    /**
     * Adds an atom with an explicit mass.
     *
     * @param symbol element symbol
     * @param xA x, Å
     * @param yA y, Å
     * @param zA z, Å
     * @param massAmu mass, amu
     * @return this builder
     */
    public StructureBuilder add(String symbol, double xA, double yA, double zA, double massAmu) {
        symbols.add(symbol);
        positions.add(new double[] {xA, yA, zA});
        masses.add(massAmu);
        return this;
    }

    /**
     * Adds an atom at fractional coordinates.
     *
     * @param symbol element symbol
     * @param s0 fractional coordinate along a
     * @param s1 fractional coordinate along b
     * @param s2 fractional coordinate along c
     * @return this builder
     */
    public StructureBuilder addFractional(String symbol, double s0, double s1, double s2) {
        double[] r = {s0, s1, s2};
        cell.toCartesian(r, r);
        return add(symbol, r[0], r[1], r[2]);
    }

    /** @return the structure */
    public Structure build() {
        int n = symbols.size();
        double[] p = new double[3 * n];
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(positions.get(i), 0, p, 3 * i, 3);
            m[i] = masses.get(i);
        }
        return Structure.of(cell, symbols.toArray(new String[0]), p, m);
    }
}
