package org.proxima.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chemical element: symbol, atomic number and default atomic mass.
 *
 * <p>Default masses (amu) are ASE's {@code ase.data.atomic_masses_legacy} table, which gives Si = 28.0855 amu, the
 * value used by the paper's analysis, by LAMMPS' reference data in this project and by most MD codes. Note that
 * ASE &ge; 3.17 defaults to {@code atomic_masses_iupac2016} (Si = 28.085); the difference is 2e-5 relative. Elements
 * beyond the table (and Tc, Pm) have no default mass ({@link #hasDefaultMass()} is false) and need an explicit mass.
 *
 * @param symbol element symbol, e.g. {@code "Si"}
 * @param atomicNumber atomic number Z (1 to 118)
 * @param massAmu default atomic mass, amu (NaN if the table has none)
 */
public record Element(String symbol, int atomicNumber, double massAmu) {

    private static final String[] SYMBOLS = {
        "X", "H", "He", "Li", "Be", "B",
        "C", "N", "O", "F", "Ne", "Na",
        "Mg", "Al", "Si", "P", "S", "Cl",
        "Ar", "K", "Ca", "Sc", "Ti", "V",
        "Cr", "Mn", "Fe", "Co", "Ni", "Cu",
        "Zn", "Ga", "Ge", "As", "Se", "Br",
        "Kr", "Rb", "Sr", "Y", "Zr", "Nb",
        "Mo", "Tc", "Ru", "Rh", "Pd", "Ag",
        "Cd", "In", "Sn", "Sb", "Te", "I",
        "Xe", "Cs", "Ba", "La", "Ce", "Pr",
        "Nd", "Pm", "Sm", "Eu", "Gd", "Tb",
        "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir",
        "Pt", "Au", "Hg", "Tl", "Pb", "Bi",
        "Po", "At", "Rn", "Fr", "Ra", "Ac",
        "Th", "Pa", "U", "Np", "Pu", "Am",
        "Cm", "Bk", "Cf", "Es", "Fm", "Md",
        "No", "Lr", "Rf", "Db", "Sg", "Bh",
        "Hs", "Mt", "Ds", "Rg", "Cn", "Nh",
        "Fl", "Mc", "Lv", "Ts", "Og",
    };

    private static final double[] MASSES_AMU = {
        1.0, 1.00794, 4.0026, 6.941, 9.01218, 10.811,
        12.011, 14.0067, 15.9994, 18.9984, 20.1797, 22.98977,
        24.305, 26.98154, 28.0855, 30.97376, 32.066, 35.4527,
        39.948, 39.0983, 40.078, 44.9559, 47.88, 50.9415,
        51.996, 54.938, 55.847, 58.9332, 58.6934, 63.546,
        65.39, 69.723, 72.61, 74.9216, 78.96, 79.904,
        83.8, 85.4678, 87.62, 88.9059, 91.224, 92.9064,
        95.94, Double.NaN, 101.07, 102.9055, 106.42, 107.868,
        112.41, 114.82, 118.71, 121.757, 127.6, 126.9045,
        131.29, 132.9054, 137.33, 138.9055, 140.12, 140.9077,
        144.24, Double.NaN, 150.36, 151.965, 157.25, 158.9253,
        162.5, 164.9303, 167.26, 168.9342, 173.04, 174.967,
        178.49, 180.9479, 183.85, 186.207, 190.2, 192.22,
        195.08, 196.9665, 200.59, 204.383, 207.2, 208.9804,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, 226.0254, Double.NaN,
        232.0381, 231.0359, 238.029, 237.0482, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN,
    };

    private static final Map<String, Element> BY_SYMBOL = new HashMap<>();
    private static final Element[] BY_NUMBER = new Element[SYMBOLS.length];

    static {
        for (int z = 1; z < SYMBOLS.length; z++) {
            Element e = new Element(SYMBOLS[z], z, z < MASSES_AMU.length ? MASSES_AMU[z] : Double.NaN);
            BY_NUMBER[z] = e;
            BY_SYMBOL.put(SYMBOLS[z], e);
        }
    }

    /**
     * Looks up an element by symbol (case-sensitive, as in ASE: {@code "Si"}, not {@code "SI"}).
     *
     * @param symbol element symbol
     * @return the element
     * @throws IllegalArgumentException if the symbol is not a known element
     */
    public static Element of(String symbol) {
        Element e = BY_SYMBOL.get(symbol);
        if (e == null) {
            throw new IllegalArgumentException("Unknown element symbol '" + symbol
                    + "': expected a chemical symbol such as Si, O or Cu (case-sensitive)");
        }
        return e;
    }

    /**
     * Looks up an element by atomic number.
     *
     * @param atomicNumber Z, 1 to 118
     * @return the element
     * @throws IllegalArgumentException if Z is out of range
     */
    public static Element of(int atomicNumber) {
        if (atomicNumber < 1 || atomicNumber >= BY_NUMBER.length) {
            throw new IllegalArgumentException("Unknown atomic number " + atomicNumber
                    + ": expected 1 to " + (BY_NUMBER.length - 1));
        }
        return BY_NUMBER[atomicNumber];
    }

    /**
     * Looks up an element by symbol without throwing.
     *
     * @param symbol element symbol
     * @return the element, or empty if unknown
     */
    public static Optional<Element> find(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** @return whether the table has a default mass for this element */
    public boolean hasDefaultMass() {
        return !Double.isNaN(massAmu);
    }
}
