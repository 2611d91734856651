package org.proxima.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.List;

import org.ejml.data.DMatrix3x3;
import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;

/**
 * Checks every {@link ForceCalculator} must pass: forces and stress equal finite differences of the energy,
 * translation and rotation invariance, Newton's third law (Σ F = 0 for a periodic system), per-atom energies
 * summing to the energy, and a clear failure for what is not implemented. Subclasses supply the calculator, test
 * structures and tolerances.
 */
public abstract class ForceCalculatorContract {

    /** @return a fresh calculator */
    protected abstract ForceCalculator calculator();

    /** @return structures to test, including at least one random triclinic cell */
    protected abstract List<Structure> structures();

    /** @return tolerance for forces vs finite differences, eV/Å */
    protected double forceTolerance() {
        return 1e-6;
    }

    /** @return tolerance for stress vs finite differences, eV/Å³ */
    protected double stressTolerance() {
        return 1e-7;
    }

    @Test
    void forcesAreMinusEnergyGradient() {
        try (ForceCalculator c = calculator()) {
            for (Structure s : structures()) {
                double[] numeric = FiniteDifferences.forces(c, s, 1e-5);
                assertArrayClose(numeric, c.calculate(s).forcesEvPerA(), forceTolerance(), "forces of " + s);
            }
        }
    }

    @Test
    void stressIsStrainDerivativeOfEnergy() {
        try (ForceCalculator c = calculator()) {
            if (!c.implementedProperties().contains(Property.STRESS)) {
                assertThrows(UnsupportedOperationException.class,
                        () -> c.calculate(structures().get(0)).stressEvPerA3());
                return;
            }
            for (Structure s : structures()) {
                double[] numeric = FiniteDifferences.stress(c, s, 1e-6);
                assertArrayClose(numeric, c.calculate(s).stressEvPerA3(), stressTolerance(), "stress of " + s);
            }
        }
    }

    @Test
    void invariantUnderTranslationAndRotation() {
        try (ForceCalculator c = calculator()) {
            for (Structure s : structures()) {
                CalculationResult ref = c.calculate(s);
                double[] x = s.positionsA();
                for (int k = 0; k < x.length; k++) {
                    x[k] += new double[] {0.37, -1.21, 2.9}[k % 3];
                }
                CalculationResult moved = c.calculate(s.withPositions(x));
                assertEquals(ref.energyEv(), moved.energyEv(), 1e-9 * Math.max(1, Math.abs(ref.energyEv())));
                assertArrayClose(ref.forcesEvPerA(), moved.forcesEvPerA(), 1e-9, "forces after translation");

                // rotate cell and atoms about an arbitrary axis: energy invariant, forces rotate
                double th = 0.7;
                double[] u = {1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
                DMatrix3x3 rot = rotation(u, th);
                Structure rotated = s.withCell(s.cell().deformed(rot), true);
                CalculationResult r2 = c.calculate(rotated);
                assertEquals(ref.energyEv(), r2.energyEv(), 1e-9 * Math.max(1, Math.abs(ref.energyEv())));
                double[] f = ref.forcesEvPerA();
                double[] expect = new double[f.length];
                for (int i = 0; i < f.length; i += 3) {
                    for (int b = 0; b < 3; b++) {
                        expect[i + b] = f[i] * rot.get(0, b) + f[i + 1] * rot.get(1, b) + f[i + 2] * rot.get(2, b);
                    }
                }
                assertArrayClose(expect, r2.forcesEvPerA(), 1e-8, "forces after rotation");
            }
        }
    }

    @Test
    void forcesSumToZeroAndEnergiesSumToEnergy() {
        try (ForceCalculator c = calculator()) {
            for (Structure s : structures()) {
                CalculationResult r = c.calculate(s);
                double[] f = r.forcesEvPerA();
                double[] sum = new double[3];
                for (int i = 0; i < f.length; i++) {
                    sum[i % 3] += f[i];
                }
                assertArrayClose(new double[3], sum, 1e-9 * Math.max(1, s.size()), "Σ F");
                if (r.has(Property.ENERGIES)) {
                    double e = 0;
                    for (double v : r.energiesEv()) {
                        e += v;
                    }
                    assertEquals(r.energyEv(), e, 1e-9 * Math.max(1, Math.abs(r.energyEv())), "Σ per-atom energies");
                }
                assertTrue(r.isFinite());
            }
        }
    }

    /** Rotation (acting on row vectors, r' = r·R) by angle th about unit axis u. */
    private static DMatrix3x3 rotation(double[] u, double th) {
        double c = Math.cos(th);
        double s = Math.sin(th);
        double t = 1 - c;
        DMatrix3x3 m = new DMatrix3x3(
                t * u[0] * u[0] + c, t * u[0] * u[1] - s * u[2], t * u[0] * u[2] + s * u[1],
                t * u[0] * u[1] + s * u[2], t * u[1] * u[1] + c, t * u[1] * u[2] - s * u[0],
                t * u[0] * u[2] - s * u[1], t * u[1] * u[2] + s * u[0], t * u[2] * u[2] + c);
        DMatrix3x3 transposed = new DMatrix3x3();
        org.ejml.dense.fixed.CommonOps_DDF3.transpose(m, transposed);
        return transposed;
    }
}
