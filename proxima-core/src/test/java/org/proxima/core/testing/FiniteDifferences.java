package org.proxima.core.testing;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.model.Structure;

/** Central finite differences of a calculator's energy: forces = −∂E/∂r and stress = (1/V) ∂E/∂ε. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * Numerical forces by central differences.
     *
     * @param calc calculator
     * @param s structure
     * @param hA displacement step, Å
     * @return flat forces, eV/Å
     */
    public static double[] forces(ForceCalculator calc, Structure s, double hA) {
        double[] x = s.positionsA();
        double[] f = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double x0 = x[k];
            x[k] = x0 + hA;
            double ep = calc.calculate(s.withPositions(x)).energyEv();
            x[k] = x0 - hA;
            double em = calc.calculate(s.withPositions(x)).energyEv();
            x[k] = x0;
            f[k] = -(ep - em) / (2 * hA);
        }
        return f;
    }

    /**
     * Numerical stress σ_ab = (1/V) ∂E/∂ε_ab for symmetric strains, by central differences of the energy of the
     * cell and positions deformed by I + ε.
     *
     * @param calc calculator
     * @param s structure
     * @param h strain step
     * @return Voigt stress xx yy zz yz xz xy, eV/Å³
     */
    public static double[] stress(ForceCalculator calc, Structure s, double h) {
        double[] out = new double[6];
        int[][] idx = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        for (int v = 0; v < 6; v++) {
            double ep = calc.calculate(strained(s, idx[v][0], idx[v][1], h)).energyEv();
            double em = calc.calculate(strained(s, idx[v][0], idx[v][1], -h)).energyEv();
            double d = (ep - em) / (2 * h);
            out[v] = (v < 3 ? d : 0.5 * d) / s.cell().volumeA3();
        }
        return out;
    }

    /**
     * The structure under the symmetric strain ε_ab = ε_ba = e (cell and atoms deformed by I + ε).
     *
     * @param s structure
     * @param a row
     * @param b column
     * @param e strain
     * @return the strained structure
     */
    public static Structure strained(Structure s, int a, int b, double e) {
        DMatrix3x3 d = new DMatrix3x3(1, 0, 0, 0, 1, 0, 0, 0, 1);
        d.set(a, b, d.get(a, b) + e);
        if (a != b) {
            d.set(b, a, d.get(b, a) + e);
        }
        return s.withCell(s.cell().deformed(d), true);
    }
}
