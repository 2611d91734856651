package org.proxima.core.testing;

import java.util.EnumSet;
import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.neighbor.LinkedCellBuilder;
import org.proxima.core.neighbor.NeighborList;

/**
 * An analytic target for core tests (core cannot depend on proxima-md): a Morse pair potential
 * E = Σ D[(1 − e^{−a(r − r₀)})² − 1], cut and shifted at r_c, with forces and stress. Counts its calls and can be
 * told to fail.
 */
public final class MorsePotential implements ForceCalculator {

    private final double d;
    private final double a;
    private final double r0;
    private final double rc;
    private final double shift;
    private int calls;
    private boolean failNext;

    /**
     * @param depthEv D, eV
     * @param widthPerA a, 1/Å
     * @param r0A r₀, Å
     * @param cutoffA r_c, Å
     */
    public MorsePotential(double depthEv, double widthPerA, double r0A, double cutoffA) {
        this.d = depthEv;
        this.a = widthPerA;
        this.r0 = r0A;
        this.rc = cutoffA;
        this.shift = pair(cutoffA);
    }

    /** @return a Morse potential roughly like Si–Si bonds (D 2.3 eV, a 1.5/Å, r₀ 2.35 Å, r_c 5 Å) */
    public static MorsePotential siliconLike() {
        return new MorsePotential(2.3, 1.5, 2.35, 5.0);
    }

    private double pair(double r) {
        double e = Math.exp(-a * (r - r0));
        return d * ((1 - e) * (1 - e) - 1);
    }

    @Override
    public CalculationResult calculate(Structure s) {
        calls++;
        if (failNext) {
            failNext = false;
            throw new org.proxima.core.calc.CalculationFailedException("simulated target failure");
        }
        double[] x = s.positionsA();
        NeighborList nl = LinkedCellBuilder.build(x, s.cell(), rc, false);
        int n = s.size();
        double[] f = new double[3 * n];
        double[] w = new double[6];
        double energy = 0;
        for (int i = 0; i < n; i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbor(p);
                double[] dv = new double[3];
                for (int c = 0; c < 3; c++) {
                    dv[c] = x[3 * j + c] - x[3 * i + c];
                    for (int ax = 0; ax < 3; ax++) {
                        dv[c] += nl.shift(p, ax) * s.cell().get(ax, c);
                    }
                }
                double r = Math.sqrt(dv[0] * dv[0] + dv[1] * dv[1] + dv[2] * dv[2]);
                energy += pair(r) - shift;
                double e = Math.exp(-a * (r - r0));
                double dEdr = 2 * d * (1 - e) * a * e;
                for (int c = 0; c < 3; c++) {
                    double g = dEdr * dv[c] / r;
                    f[3 * i + c] += g;
                    f[3 * j + c] -= g;
                }
                double gx = dEdr * dv[0] / r;
                double gy = dEdr * dv[1] / r;
                double gz = dEdr * dv[2] / r;
                w[0] += gx * dv[0];
                w[1] += gy * dv[1];
                w[2] += gz * dv[2];
                w[3] += gy * dv[2];
                w[4] += gx * dv[2];
                w[5] += gx * dv[1];
            }
        }
        double v = s.cell().volumeA3();
        for (int k = 0; k < 6; k++) {
            w[k] /= v;
        }
        return CalculationResult.of(energy, f, w);
    }

    @Override
    public Set<Property> implementedProperties() {
        return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
    }

    /** @return calls so far */
    public int calls() {
        return calls;
    }

    /** Makes the next call throw. */
    public void failNextCall() {
        failNext = true;
    }
}
