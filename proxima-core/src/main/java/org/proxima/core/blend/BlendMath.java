package org.proxima.core.blend;

import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;

/** Convex combinations of results and the surrogate error, without allocation beyond the result. */
final class BlendMath {

    private BlendMath() {
    }

    /**
     * λ S + (1 − λ) F for energy, forces and (if both hold it and it is wanted) stress.
     *
     * @param lambda surrogate weight
     * @param s surrogate result
     * @param f target result
     * @param properties what to produce
     * @return the blend
     */
    static CalculationResult mix(double lambda, CalculationResult s, CalculationResult f, Set<Property> properties) {
        double e = lambda * s.energyEv() + (1 - lambda) * f.energyEv();
        double[] sf = s.forcesEvPerA();
        double[] ff = f.forcesEvPerA();
        for (int k = 0; k < sf.length; k++) {
            sf[k] = lambda * sf[k] + (1 - lambda) * ff[k];
        }
        double[] st = null;
        if (properties.contains(Property.STRESS) && s.has(Property.STRESS) && f.has(Property.STRESS)) {
            st = s.stressEvPerA3();
            double[] ft = f.stressEvPerA3();
            for (int k = 0; k < 6; k++) {
                st[k] = lambda * st[k] + (1 - lambda) * ft[k];
            }
        }
        return new CalculationResult(e, sf, st, null);
    }

    /**
     * Keeps only the wanted properties of a result.
     *
     * @param r the result
     * @param properties what to keep
     * @return the result restricted
     */
    static CalculationResult restrict(CalculationResult r, Set<Property> properties) {
        boolean stress = properties.contains(Property.STRESS) && r.has(Property.STRESS);
        if (!r.has(Property.ENERGIES) && stress == r.has(Property.STRESS)) {
            return r;
        }
        return new CalculationResult(r.energyEv(), r.forcesEvPerA(), stress ? r.stressEvPerA3() : null, null);
    }

    /**
     * The paper's error: max over atoms of ‖F_a − F_b‖.
     *
     * @param a first result
     * @param b second result
     * @return the error, eV/Å
     */
    static double maxForceError(CalculationResult a, CalculationResult b) {
        return a.maxAtomForceDifferenceEvPerA(b);
    }
}
