package org.proxima.md.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Crystals;
import org.proxima.core.units.Units;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.DoubleSeries;
import org.proxima.md.potential.StillingerWeber;

/**
 * The thermostats sample the canonical kinetic-energy distribution: on 8 Stillinger–Weber Si atoms at 1000 K, the
 * mean kinetic energy equals f k_B T / 2 and its variance f (k_B T)² / 2, with f the degrees of freedom the scheme
 * samples (3N − 3 = 21 when total momentum is conserved, 3N = 24 for Langevin's independent noise), each within 3
 * standard errors. Standard errors come from block averaging of the per-step series, which accounts for its
 * correlation. The statistical inefficiency found (printed with the results) is 55–90 steps, an integrated
 * correlation time of 27–45 fs, so 200 000 steps give 2200–3700 independent samples: 3 SE is about 2% of the mean
 * and 7–11% of the variance, while the wrong degrees of freedom would shift the mean by 14%.
 */
class CanonicalSamplingTest {

    private static final double T = 1000;
    private static final int STEPS = 200_000;
    private static final int EQUILIBRATION = 5_000;

    private static void assertCanonical(Integrator integrator, int dof, long seed) {
        MdState state = MdState.of(Crystals.diamondCubic("Si", 5.431), seed);
        Velocities.maxwellBoltzmann(state, T, seed + 1);
        DoubleSeries kinetic = new DoubleSeries();
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, integrator).observer(s -> {
                    if (s.step() >= EQUILIBRATION) {
                        kinetic.add(s.kineticEnergyEv());
                    }
                }, 1).build()) {
            md.run(STEPS + EQUILIBRATION);
        }
        double kt = Units.KB_EV_PER_K * T;
        BlockAverage.Estimate mean = BlockAverage.of(kinetic.toArray());
        double expectedMean = 0.5 * dof * kt;
        double[] sq = kinetic.toArray();
        for (int k = 0; k < sq.length; k++) {
            sq[k] = (sq[k] - mean.mean()) * (sq[k] - mean.mean());
        }
        BlockAverage.Estimate var = BlockAverage.of(sq);
        double expectedVar = 0.5 * dof * kt * kt;
        String info = integrator.name() + ": <K> = " + mean.mean() + " ± " + mean.standardError() + " (expected "
                + expectedMean + "), var = " + var.mean() + " ± " + var.standardError() + " (expected " + expectedVar
                + "), inefficiency " + mean.inefficiency() + " steps";
        System.out.println(info);
        assertTrue(Math.abs(mean.mean() - expectedMean) < 3 * mean.standardError(), info);
        assertTrue(Math.abs(var.mean() - expectedVar) < 3 * var.standardError(), info);
        // the test must be able to tell f = 3N − 3 from 3N
        assertTrue(3 * mean.standardError() < 0.5 * 3 * kt / 2, "too few samples to resolve 3 degrees of freedom: "
                + info);
    }

    @Test
    void langevinSamples3NDegreesOfFreedom() {
        assertCanonical(Langevin.of(1.0, T, 0.02), 24, 1);
    }

    @Test
    void bussiSamples3NMinus3DegreesOfFreedom() {
        assertCanonical(Bussi.of(1.0, T, 25), 21, 2);
    }

    @Test
    void noseHooverChainSamples3NMinus3DegreesOfFreedom() {
        assertCanonical(NoseHooverChain.builder(1.0, T, 50).chainLength(3).build(), 21, 3);
    }
}
