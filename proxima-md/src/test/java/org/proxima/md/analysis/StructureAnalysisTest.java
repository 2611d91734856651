package org.proxima.md.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.MdState;
import org.proxima.md.integrate.VelocityVerlet;
import org.proxima.md.observe.Snapshot;

class StructureAnalysisTest {

    private static Snapshot snapshot(Structure s, long step) {
        MdState state = MdState.of(s, 0);
        state.setClock(step, step);
        return new Snapshot(state, CalculationResult.of(0, new double[3 * s.size()], new double[6]),
                VelocityVerlet.of(1));
    }

    @Test
    void rdfOfDiamondIntegratesToFourNearestNeighbours() {
        Structure si = Crystals.diamondCubic("Si", 5.43).repeat(2, 2, 2);
        RadialDistribution rdf = new RadialDistribution(3.0, 300);
        rdf.observe(snapshot(si, 0));
        double[] r = rdf.radiiA();
        double[] g = rdf.g();
        double density = (si.size() - 1) / si.cell().volumeA3();
        double coordination = 0;
        double dr = r[1] - r[0];
        int peak = 0;
        for (int k = 0; k < g.length; k++) {
            double shell = 4.0 / 3.0 * Math.PI * (Math.pow(r[k] + dr / 2, 3) - Math.pow(r[k] - dr / 2, 3));
            coordination += shell * density * g[k];
            if (g[k] > g[peak]) {
                peak = k;
            }
        }
        assertEquals(4.0, coordination, 1e-9, "first-shell coordination");
        assertEquals(5.43 * Math.sqrt(3) / 4, r[peak], dr, "nearest-neighbour distance");
    }

    @Test
    void msdOfUniformMotionIsBallistic() {
        Structure si = Crystals.diamondCubic("Si", 5.43);
        MeanSquareDisplacement msd = new MeanSquareDisplacement(5, false);
        double[] v = {0.01, -0.02, 0.005}; // Å per frame for every atom
        for (int f = 0; f <= 10; f++) {
            double[] x = si.positionsA();
            for (int k = 0; k < x.length; k++) {
                x[k] += f * v[k % 3];
            }
            msd.observe(snapshot(si.withPositions(x), f));
        }
        double v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
        double[] m = msd.msdA2();
        for (int lag = 0; lag < m.length; lag++) {
            assertEquals(v2 * lag * lag, m[lag], 1e-12, "lag " + lag);
        }
        MeanSquareDisplacement drift = new MeanSquareDisplacement(5, true);
        for (int f = 0; f <= 10; f++) {
            double[] x = si.positionsA();
            for (int k = 0; k < x.length; k++) {
                x[k] += f * v[k % 3];
            }
            drift.observe(snapshot(si.withPositions(x), f));
        }
        assertTrue(drift.msdA2()[5] < 1e-20, "centre-of-mass motion removed");
    }

    @Test
    void blockAverageOfIndependentSamplesMatchesNaiveError() {
        java.util.Random rng = new java.util.Random(1);
        double[] x = new double[1 << 14];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        BlockAverage.Estimate e = BlockAverage.of(x);
        double naive = 1 / Math.sqrt(x.length);
        assertTrue(e.standardError() > 0.9 * naive && e.standardError() < 1.5 * naive, "SE " + e.standardError());
        // a strongly correlated series (AR(1), φ = 0.95) has inefficiency (1 + φ)/(1 − φ) = 39
        double[] y = new double[1 << 16];
        for (int k = 1; k < y.length; k++) {
            y[k] = 0.95 * y[k - 1] + rng.nextGaussian();
        }
        BlockAverage.Estimate c = BlockAverage.of(y);
        assertTrue(c.inefficiency() > 25 && c.inefficiency() < 60, "inefficiency " + c.inefficiency());
    }
}
