package org.proxima.examples.embedding;

import java.util.List;
import java.util.Random;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.units.Units;
import org.proxima.md.potential.StillingerWeber;
import org.proxima.surrogate.linear.LinearEnsemble;

/**
 * How to put PROXIMA+BLEND into your own MD code: replace your force call by a {@link BlendingCalculator} and keep
 * everything else. This is a complete program: a hand-written velocity-Verlet NVE loop (no proxima-md integrator)
 * on the 63-atom Si vacancy, with Stillinger–Weber standing in for DFT and the linear ensemble as the surrogate.
 * Run it with {@code java -cp examples/target/proxima.jar org.proxima.examples.embedding.OwnMdLoopExample}.
 */
public final class OwnMdLoopExample {

    private OwnMdLoopExample() {
    }

    /**
     * What the example run did.
     *
     * @param last the calculator's last step record
     * @param conservedChangeEvPerAtom change of E_kin + E_pot − (switching work) from start to end, eV/atom
     */
    public record Outcome(StepRecord last, double conservedChangeEvPerAtom) {
    }

    /**
     * Runs the example and returns what happened.
     *
     * @param steps MD steps
     * @param seed seed of the initial velocities and of the calculator's audits and trainings
     * @return the outcome
     */
    public static Outcome run(int steps, long seed) {
        Structure s = Crystals.diamondVacancy("Si", 5.43);
        int n = s.size();
        double dt = 1.0;                                          // fs
        double[] m = s.massesAmu();
        double[] x = s.positionsA();
        double[] v = new double[3 * n];                           // Å/fs
        Random rng = new Random(seed);
        double kT = 800 * Units.KB_EV_PER_K;               // eV
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(kT / (m[i] * Units.AMU_A2_PER_FS2_IN_EV));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sigma * rng.nextGaussian();
            }
        }
        // 1. the calculator: your expensive target, an untrained ensemble, and the error bound
        try (BlendingCalculator calc = BlendingCalculator.builder(StillingerWeber.silicon(),
                LinearEnsemble.untrained(List.copyOf(s.species()), 2, seed))
                .errorTarget(1.25)                                // ε_target, eV/Å
                .blendSteps(10)                                   // n: cosine blend over 10 steps
                .retrainInterval(64)                              // refit every 64 target results
                .seed(seed).build()) {
            // 2. your MD loop, unchanged except for the force call
            CalculationResult r = calc.calculate(s);
            double start = kinetic(v, m) + r.energyEv();
            for (int step = 1; step <= steps; step++) {
                double[] f = r.forcesEvPerA();
                for (int j = 0; j < 3 * n; j++) {
                    double a = f[j] / (m[j / 3] * Units.AMU_A2_PER_FS2_IN_EV);   // Å/fs²
                    v[j] += 0.5 * dt * a;
                    x[j] += dt * v[j];
                }
                s = s.withPositions(x);
                r = calc.calculate(s);                            // one call per step: energy, forces, stress
                f = r.forcesEvPerA();
                for (int j = 0; j < 3 * n; j++) {
                    v[j] += 0.5 * dt * f[j] / (m[j / 3] * Units.AMU_A2_PER_FS2_IN_EV);
                }
            }
            // 3. what the calculator did at the last step (source, λ, UQ, threshold, target calls, ...); the
            // switching work accounts for the energy that changing λ at fixed positions adds
            double end = kinetic(v, m) + r.energyEv() - calc.blendWorkEv();
            return new Outcome(calc.lastRecord(), (end - start) / n);
        }
    }

    private static double kinetic(double[] v, double[] m) {
        double k = 0;
        for (int j = 0; j < v.length; j++) {
            k += 0.5 * m[j / 3] * v[j] * v[j];
        }
        return k * Units.AMU_A2_PER_FS2_IN_EV;
    }

    /**
     * @param args optional: steps (default 500)
     */
    public static void main(String[] args) {
        Outcome o = run(args.length > 0 ? Integer.parseInt(args[0]) : 500, 1);
        StepRecord last = o.last();
        System.out.printf("after %d steps: %d target calls, model v%d, last step from %s (λ = %.3f); conserved "
                + "energy changed by %.2e eV/atom%n", last.step(), last.targetCalls(), last.modelVersion(),
                last.source(), last.lambda(), o.conservedChangeEvPerAtom());
    }
}
