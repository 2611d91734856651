package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.testing.MorsePotential;

class ProximaControllerTest {

    @Test
    void noThresholdUntilTheWindowFills() {
        ProximaController c = new ProximaController(0.9, 8);
        for (int k = 0; k < 7; k++) {
            c.observe(0.5, 1.0);
            assertFalse(c.threshold().isPresent(), "no threshold after " + (k + 1) + " pairs");
        }
        c.observe(0.5, 1.0);
        assertTrue(c.threshold().isPresent());
    }

    @Test
    void initialThresholdIsTargetOverTwoAlpha() {
        ProximaController c = new ProximaController(0.9, 4);
        double[] uq = {0.2, 0.4, 0.5, 1e-9};
        double[] err = {0.3, 0.4, 1.0, 0.001};
        for (int k = 0; k < 4; k++) {
            c.observe(uq[k], err[k]);
        }
        // α = mean of err / max(uq, 1e-6)
        double alpha = (0.3 / 0.2 + 0.4 / 0.4 + 1.0 / 0.5 + 0.001 / 1e-6) / 4;
        assertEquals(alpha, c.alpha().getAsDouble(), 1e-12);
        assertEquals(0.9 / alpha / 2, c.threshold().getAsDouble(), 1e-15);
    }

    @Test
    void updateMovesAgainstTheErrorAndIsFlooredAtZero() {
        ProximaController c = new ProximaController(0.5, 2);
        c.observe(1.0, 0.5);
        c.observe(1.0, 0.5);
        double t0 = c.threshold().getAsDouble(); // α = 0.5, threshold = 0.5
        assertEquals(0.5, t0, 1e-15);
        c.observe(1.0, 0.3); // window errors 0.5, 0.3: mean 0.4 < 0.5 → threshold rises by 0.1/α
        double alpha = (0.5 + 0.3) / 2;
        assertEquals(t0 + 0.1 / alpha, c.threshold().getAsDouble(), 1e-12);
        double t1 = c.threshold().getAsDouble();
        c.observe(1.0, 0.9); // errors 0.3, 0.9: mean 0.6 > 0.5 → falls
        assertTrue(c.threshold().getAsDouble() < t1);
        for (int k = 0; k < 20; k++) {
            c.observe(1.0, 50.0);
        }
        assertEquals(0.0, c.threshold().getAsDouble(), 0.0, "floored at 0");
    }

    @Test
    void allZeroUncertaintyGivesZeroThresholdAndKeepsAlpha() {
        ProximaController c = new ProximaController(0.5, 3);
        for (int k = 0; k < 3; k++) {
            c.observe(0.0, 1.0);
        }
        assertEquals(0.0, c.threshold().getAsDouble());
        assertFalse(c.alpha().isPresent());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProximaController(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> new ProximaController(0.5, 0));
        ProximaController c = new ProximaController(0.5, 2);
        assertThrows(IllegalArgumentException.class, () -> c.observe(Double.NaN, 1));
    }

    @Test
    void stateRestoresExactly() {
        ProximaController a = new ProximaController(0.4, 5);
        Random rng = new Random(1);
        for (int k = 0; k < 12; k++) {
            a.observe(rng.nextDouble(), rng.nextDouble());
        }
        ProximaController b = new ProximaController(0.4, 5);
        b.restoreState(a.saveState());
        for (int k = 0; k < 10; k++) {
            double u = rng.nextDouble();
            double e = rng.nextDouble();
            a.observe(u, e);
            b.observe(u, e);
        }
        assertEquals(org.proxima.core.io.Json.write(a.saveState().toMap()),
                org.proxima.core.io.Json.write(b.saveState().toMap()));
    }

    /**
     * Closed loop: a surrogate whose error is proportional to its uncertainty, with noise. Each structure draws its
     * UQ from a wide log-normal distribution (error mean over all structures 0.40 eV/Å); the controller must hold the
     * controller's windowed mean error (the mean of its last h errors), averaged over every step of the second half
     * of the run, within 10% of ε_target = 0.5 eV/Å. (Averaged over target steps only it reads about 14% high: the
     * update Δthreshold = −(mean − ε)/α is weighted by 1/α, and the steps where the target runs are not a uniform
     * sample in time.)
     *
     * <p>Audits are off here. With audits the problem has two solutions (docs/algorithm.md): the mean error of the
     * target steps is the population mean both at threshold 0 (all steps) and at an infinite threshold (only
     * audits), and higher in between. The lower crossing is stable, the upper one is not, and the reference
     * controller's large windowed steps (about 0.1 eV/Å per target step here) carry the threshold past it within a
     * few thousand steps, after which it grows without bound ({@link #withAuditsTheThresholdCanRunAway}).
     */
    @Test
    void closedLoopHoldsTheErrorAtTheTarget() {
        double[] r = closedLoop(0.5, 0.0);
        assertEquals(0.5, r[0], 0.1 * 0.5, "windowed mean error over the last half");
        assertTrue(r[1] < 20_000 / 2 * 0.9, "the surrogate must be in use part of the time: " + r[1]);
    }

    /**
     * A characterisation of the reference controller, kept as a test so that a change to it is noticed: with audits
     * (p = 0.2) the same loop passes the unstable upper solution and the threshold grows without bound, so the
     * surrogate ends up used whenever it is not audited, and the error target is no longer held.
     */
    @Test
    void withAuditsTheThresholdCanRunAway() {
        double[] r = closedLoop(0.5, 0.2);
        assertTrue(r[2] > 5.0, "threshold " + r[2] + " eV/Å after 20 000 steps");
        assertTrue(r[0] < 0.45, "error below target once only audits reach the target: " + r[0]);
    }

    /** Runs the closed loop; returns {windowed mean error averaged over the second half, target steps, final threshold}. */
    private static double[] closedLoop(double epsilon, double audit) {
        MorsePotential target = MorsePotential.siliconLike();
        Structure base = BlendingFixtures.BASE;
        EnsembleSurrogate oracle = new org.proxima.core.testing.FixedEnsemble(s -> {
            Random rng = new Random(java.util.Arrays.hashCode(s.positionsA()));
            double uq = Math.exp(-1.5 + 0.8 * rng.nextGaussian()); // UQ spread over an order of magnitude
            double error = 1.3 * uq * (1 + 0.2 * rng.nextGaussian());
            double[] t = target.calculate(s).forcesEvPerA();
            double[] f0 = t.clone();
            double[] f1 = t.clone();
            // members ±uq on atom 0 (UQ = uq); their mean misses the target by `error` on atom 1
            f0[0] += uq;
            f1[0] -= uq;
            f0[3] += error;
            f1[3] += error;
            return EnsemblePrediction.of(s.size(), new double[] {0, 0}, new double[][] {f0, f1}, null);
        });
        List<Double> windowMeans = new ArrayList<>();
        int targetSteps = 0;
        double finalThreshold = Double.NaN;
        int steps = 20_000;
        Random rng = new Random(5);
        try (BlendingCalculator calc = BlendingCalculator.builder(target, oracle).errorTarget(epsilon)
                .blendSteps(1).auditProbability(audit).seed(9).retrainInterval(1_000_000).build()) {
            for (int k = 0; k < steps; k++) {
                double[] x = base.positionsA();
                x[0] += 0.01 * rng.nextGaussian();
                calc.calculate(base.withPositions(x));
                StepRecord r = calc.lastRecord();
                if (k == steps - 1) {
                    finalThreshold = r.threshold();
                }
                if (k >= steps / 2) {
                    double[] err = calc.controller().saveState().getDoubles("window_error");
                    windowMeans.add(java.util.Arrays.stream(err).average().orElseThrow());
                    targetSteps += r.targetRan() ? 1 : 0;
                }
            }
        }
        double mean = windowMeans.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new double[] {mean, targetSteps, finalThreshold};
    }
}
