package org.proxima.core.surrogate;

import org.proxima.core.calc.CalculationResult;

/**
 * What an ensemble surrogate predicts for one structure: every member's energy, forces and (optionally) stress,
 * and the ensemble mean as a {@link CalculationResult}. Arrays are copied in and out.
 */
public final class EnsemblePrediction {

    private final double[] memberEnergiesEv;
    private final double[][] memberForcesEvPerA;
    private final double[][] memberStressEvPerA3;
    private final CalculationResult mean;

    private EnsemblePrediction(double[] energies, double[][] forces, double[][] stress) {
        this.memberEnergiesEv = energies;
        this.memberForcesEvPerA = forces;
        this.memberStressEvPerA3 = stress;
        int m = energies.length;
        int n3 = forces[0].length;
        double e = 0;
        double[] f = new double[n3];
        double[] s = stress == null ? null : new double[6];
        for (int k = 0; k < m; k++) {
            e += energies[k];
            for (int c = 0; c < n3; c++) {
                f[c] += forces[k][c];
            }
            if (s != null) {
                for (int c = 0; c < 6; c++) {
                    s[c] += stress[k][c];
                }
            }
        }
        e /= m;
        for (int c = 0; c < n3; c++) {
            f[c] /= m;
        }
        if (s != null) {
            for (int c = 0; c < 6; c++) {
                s[c] /= m;
            }
        }
        this.mean = new CalculationResult(e, f, s, null);
    }

    /**
     * Builds a prediction, checking shapes.
     *
     * @param atoms number of atoms N of the structure predicted
     * @param memberEnergiesEv one energy per member, eV
     * @param memberForcesEvPerA one flat 3N force array per member, eV/Å
     * @param memberStressEvPerA3 one Voigt stress per member, eV/Å³, or {@code null} if the surrogate has no stress
     * @return the prediction
     * @throws IllegalArgumentException if an array has the wrong shape (naming which member and array)
     */
    public static EnsemblePrediction of(int atoms, double[] memberEnergiesEv, double[][] memberForcesEvPerA,
            double[][] memberStressEvPerA3) {
        int m = memberEnergiesEv.length;
        if (m < 1) {
            throw new IllegalArgumentException("An ensemble prediction needs at least one member");
        }
        if (memberForcesEvPerA.length != m) {
            throw new IllegalArgumentException("Surrogate returned " + memberEnergiesEv.length + " energies but "
                    + memberForcesEvPerA.length + " force arrays");
        }
        double[][] f = new double[m][];
        for (int k = 0; k < m; k++) {
            if (memberForcesEvPerA[k] == null || memberForcesEvPerA[k].length != 3 * atoms) {
                throw new IllegalArgumentException("Surrogate member " + k + " returned forces of length "
                        + (memberForcesEvPerA[k] == null ? "null" : memberForcesEvPerA[k].length) + " for " + atoms
                        + " atoms (expected " + 3 * atoms + ")");
            }
            f[k] = memberForcesEvPerA[k].clone();
        }
        double[][] s = null;
        if (memberStressEvPerA3 != null) {
            if (memberStressEvPerA3.length != m) {
                throw new IllegalArgumentException("Surrogate returned " + m + " energies but "
                        + memberStressEvPerA3.length + " stresses");
            }
            s = new double[m][];
            for (int k = 0; k < m; k++) {
                if (memberStressEvPerA3[k] == null || memberStressEvPerA3[k].length != 6) {
                    throw new IllegalArgumentException("Surrogate member " + k + " returned a stress that is not a "
                            + "6-component Voigt vector");
                }
                s[k] = memberStressEvPerA3[k].clone();
            }
        }
        return new EnsemblePrediction(memberEnergiesEv.clone(), f, s);
    }

    /** @return number of members M */
    public int memberCount() {
        return memberEnergiesEv.length;
    }

    /** @return number of atoms */
    public int atomCount() {
        return memberForcesEvPerA[0].length / 3;
    }

    /**
     * @param member member index
     * @return its energy, eV
     */
    public double memberEnergyEv(int member) {
        return memberEnergiesEv[member];
    }

    /**
     * One force component of one member (no copy).
     *
     * @param member member index
     * @param atom atom index
     * @param axis 0, 1, 2
     * @return the component, eV/Å
     */
    public double memberForceEvPerA(int member, int atom, int axis) {
        return memberForcesEvPerA[member][3 * atom + axis];
    }

    /**
     * @param member member index
     * @return its flat forces, eV/Å (a copy)
     */
    public double[] memberForcesEvPerA(int member) {
        return memberForcesEvPerA[member].clone();
    }

    /**
     * @param member member index
     * @return its Voigt stress, eV/Å³ (a copy)
     * @throws UnsupportedOperationException if the surrogate has no stress
     */
    public double[] memberStressEvPerA3(int member) {
        if (memberStressEvPerA3 == null) {
            throw new UnsupportedOperationException("This surrogate does not predict stress");
        }
        return memberStressEvPerA3[member].clone();
    }

    /** @return whether the members predicted stress */
    public boolean hasStress() {
        return memberStressEvPerA3 != null;
    }

    /** @return the ensemble mean (energy, forces and stress if predicted) */
    public CalculationResult mean() {
        return mean;
    }

    /** @return whether every number in the prediction is finite */
    public boolean isFinite() {
        if (!mean.isFinite()) {
            return false;
        }
        for (int k = 0; k < memberEnergiesEv.length; k++) {
            if (!Double.isFinite(memberEnergiesEv[k])) {
                return false;
            }
            for (double v : memberForcesEvPerA[k]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
