package org.proxima.core.calc;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The immutable result of one {@link ForceCalculator#calculate} call.
 *
 * <p>Energy is always present. Forces, stress and per-atom energies are optional; asking for one that was not
 * computed throws {@link UnsupportedOperationException} (never a silent zero). Arrays are copied in and out; hot
 * loops read single components with {@link #forceEvPerA(int, int)} or copy with {@link #copyForcesInto}.
 *
 * @param energyEv potential energy, eV
 * @param forcesEvPerA flat forces {@code [fx0, fy0, fz0, …]}, eV/Å, or {@code null}
 * @param stressEvPerA3 stress in Voigt order xx yy zz yz xz xy, eV/Å³, ASE sign (σ = (1/V) ∂E/∂ε, positive =
 *     tensile), or {@code null}
 * @param energiesEv per-atom energies, eV, or {@code null}
 * @param annotation how the result was produced (e.g. a blending calculator's step record), or {@code null}; not
 *     part of equality
 */
public record CalculationResult(double energyEv, double[] forcesEvPerA, double[] stressEvPerA3, double[] energiesEv,
        ResultAnnotation annotation) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if an array has the wrong shape
     */
    public CalculationResult {
        if (forcesEvPerA != null) {
            if (forcesEvPerA.length % 3 != 0) {
                throw new IllegalArgumentException("Forces array length " + forcesEvPerA.length
                        + " is not a multiple of 3 (expected flat N×3)");
            }
            forcesEvPerA = forcesEvPerA.clone();
        }
        if (stressEvPerA3 != null) {
            if (stressEvPerA3.length != 6) {
                throw new IllegalArgumentException("Stress must have 6 Voigt components (xx yy zz yz xz xy), got "
                        + stressEvPerA3.length);
            }
            stressEvPerA3 = stressEvPerA3.clone();
        }
        if (energiesEv != null) {
            energiesEv = energiesEv.clone();
            if (forcesEvPerA != null && energiesEv.length * 3 != forcesEvPerA.length) {
                throw new IllegalArgumentException("Mismatched array lengths: " + energiesEv.length
                        + " per-atom energies but forces for " + forcesEvPerA.length / 3 + " atoms");
            }
        }
    }

    /**
     * A result without annotation.
     *
     * @param energyEv potential energy, eV
     * @param forcesEvPerA flat forces, eV/Å, or {@code null}
     * @param stressEvPerA3 Voigt stress, eV/Å³, or {@code null}
     * @param energiesEv per-atom energies, eV, or {@code null}
     */
    public CalculationResult(double energyEv, double[] forcesEvPerA, double[] stressEvPerA3, double[] energiesEv) {
        this(energyEv, forcesEvPerA, stressEvPerA3, energiesEv, null);
    }

    /**
     * The same values with an annotation.
     *
     * @param value the annotation (replaces any present)
     * @return the annotated result
     */
    public CalculationResult withAnnotation(ResultAnnotation value) {
        return new CalculationResult(energyEv, forcesEvPerA, stressEvPerA3, energiesEv, value);
    }

    /**
     * The annotation, if it is of the given type.
     *
     * @param <T> the type
     * @param type e.g. {@code StepRecord.class}
     * @return the annotation, or empty
     */
    public <T extends ResultAnnotation> java.util.Optional<T> annotation(Class<T> type) {
        return type.isInstance(annotation) ? java.util.Optional.of(type.cast(annotation)) : java.util.Optional.empty();
    }

    /**
     * Energy, forces and stress.
     *
     * @param energyEv energy, eV
     * @param forcesEvPerA flat forces, eV/Å
     * @param stressEvPerA3 Voigt stress, eV/Å³
     * @return the result
     */
    public static CalculationResult of(double energyEv, double[] forcesEvPerA, double[] stressEvPerA3) {
        return new CalculationResult(energyEv, forcesEvPerA, stressEvPerA3, null);
    }

    /** @return the properties present in this result */
    public Set<Property> properties() {
        EnumSet<Property> p = EnumSet.of(Property.ENERGY);
        if (forcesEvPerA != null) {
            p.add(Property.FORCES);
        }
        if (stressEvPerA3 != null) {
            p.add(Property.STRESS);
        }
        if (energiesEv != null) {
            p.add(Property.ENERGIES);
        }
        return p;
    }

    /**
     * @param property a property
     * @return whether it was computed
     */
    public boolean has(Property property) {
        return switch (property) {
            case ENERGY -> true;
            case FORCES -> forcesEvPerA != null;
            case STRESS -> stressEvPerA3 != null;
            case ENERGIES -> energiesEv != null;
        };
    }

    /** @return number of atoms (from forces or per-atom energies) */
    public int atomCount() {
        if (forcesEvPerA != null) {
            return forcesEvPerA.length / 3;
        }
        if (energiesEv != null) {
            return energiesEv.length;
        }
        throw new UnsupportedOperationException("This result has neither forces nor per-atom energies");
    }

    /** @return flat forces, eV/Å (a copy) */
    @Override
    public double[] forcesEvPerA() {
        return require(forcesEvPerA, Property.FORCES).clone();
    }

    /**
     * One force component.
     *
     * @param atom atom index
     * @param axis 0 = x, 1 = y, 2 = z
     * @return the component, eV/Å
     */
    public double forceEvPerA(int atom, int axis) {
        return require(forcesEvPerA, Property.FORCES)[3 * atom + axis];
    }

    /**
     * Copies the flat forces into a caller-supplied array.
     *
     * @param out receives 3N values, eV/Å
     */
    public void copyForcesInto(double[] out) {
        double[] f = require(forcesEvPerA, Property.FORCES);
        System.arraycopy(f, 0, out, 0, f.length);
    }

    /** @return Voigt stress xx yy zz yz xz xy, eV/Å³ (a copy) */
    @Override
    public double[] stressEvPerA3() {
        return require(stressEvPerA3, Property.STRESS).clone();
    }

    /**
     * One Voigt stress component.
     *
     * @param voigtIndex 0..5 = xx yy zz yz xz xy
     * @return the component, eV/Å³
     */
    public double stressEvPerA3(int voigtIndex) {
        return require(stressEvPerA3, Property.STRESS)[voigtIndex];
    }

    /** @return per-atom energies, eV (a copy) */
    @Override
    public double[] energiesEv() {
        return require(energiesEv, Property.ENERGIES).clone();
    }

    /** @return the largest atomic force norm, eV/Å */
    public double maxForceEvPerA() {
        double[] f = require(forcesEvPerA, Property.FORCES);
        double max = 0;
        for (int i = 0; i < f.length; i += 3) {
            max = Math.max(max, f[i] * f[i] + f[i + 1] * f[i + 1] + f[i + 2] * f[i + 2]);
        }
        return Math.sqrt(max);
    }

    /**
     * The error measure of the paper and its controller: the largest norm over atoms of the force difference.
     *
     * @param other another result for the same atoms (e.g. the target's)
     * @return max_i |F_i − F'_i|, eV/Å
     */
    public double maxAtomForceDifferenceEvPerA(CalculationResult other) {
        double[] a = require(forcesEvPerA, Property.FORCES);
        double[] b = other.forcesEvPerA();
        if (a.length != b.length) {
            throw new IllegalArgumentException("Forces of " + a.length / 3 + " and " + b.length / 3 + " atoms");
        }
        double max = 0;
        for (int i = 0; i < a.length; i += 3) {
            double dx = a[i] - b[i];
            double dy = a[i + 1] - b[i + 1];
            double dz = a[i + 2] - b[i + 2];
            max = Math.max(max, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(max);
    }

    /** @return whether energy and every present array hold only finite numbers */
    public boolean isFinite() {
        return Double.isFinite(energyEv) && allFinite(forcesEvPerA) && allFinite(stressEvPerA3)
                && allFinite(energiesEv);
    }

    private static boolean allFinite(double[] a) {
        if (a == null) {
            return true;
        }
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] require(double[] a, Property p) {
        if (a == null) {
            throw new UnsupportedOperationException(p + " was not computed for this result");
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalculationResult r && Double.compare(energyEv, r.energyEv) == 0
                && Arrays.equals(forcesEvPerA, r.forcesEvPerA) && Arrays.equals(stressEvPerA3, r.stressEvPerA3)
                && Arrays.equals(energiesEv, r.energiesEv);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(energyEv) * 31 + Arrays.hashCode(forcesEvPerA) * 17 + Arrays.hashCode(stressEvPerA3);
    }

    @Override
    public String toString() {
        return "CalculationResult[energy=" + energyEv + " eV, " + properties() + "]";
    }
}
