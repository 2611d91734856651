package org.proxima.md.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.MdState;
import org.proxima.md.integrate.VelocityVerlet;
import org.proxima.md.observe.Snapshot;

/** Both hop detectors on a constructed trajectory in which atoms are moved into the vacancy one after another. */
class HopDetectionTest {

    private static final double A = 5.43;

    /** Frames: 10 at rest, then each hop moves one atom in 10 frames into the vacant site and rests 20 frames. */
    private static List<double[]> trajectory(Structure start, int[] movers, Random rng) {
        Structure perfect = Crystals.diamondCubic("Si", A).repeat(2, 2, 2);
        double[] vacancy = {perfect.position(0, 0), perfect.position(0, 1), perfect.position(0, 2)};
        List<double[]> frames = new ArrayList<>();
        double[] x = start.positionsA();
        for (int f = 0; f < 10; f++) {
            frames.add(jitter(x, rng));
        }
        for (int atom : movers) {
            double[] from = {x[3 * atom], x[3 * atom + 1], x[3 * atom + 2]};
            for (int f = 1; f <= 10; f++) {
                for (int k = 0; k < 3; k++) {
                    x[3 * atom + k] = from[k] + (vacancy[k] - from[k]) * f / 10.0;
                }
                frames.add(jitter(x, rng));
            }
            vacancy = from;
            for (int f = 0; f < 20; f++) {
                frames.add(jitter(x, rng));
            }
        }
        return frames;
    }

    private static double[] jitter(double[] x, Random rng) {
        double[] y = x.clone();
        for (int k = 0; k < y.length; k++) {
            y[k] += 0.05 * rng.nextGaussian();
        }
        return y;
    }

    @Test
    void detectsExactlyTheConstructedHops() {
        Structure start = Crystals.diamondVacancy("Si", A);
        // atom 0 sits at (¼,¼,¼)a next to the vacancy at the origin; after it moves there, its old site is vacant
        // and one of that site's other three neighbours follows into it
        int first = 0;
        int second = nearestNeighbourOf(start, first);
        List<double[]> frames = trajectory(start, new int[] {first, second}, new Random(3));
        NeighbourCountHopDetector counts = NeighbourCountHopDetector.singleDiamondVacancy(start.size());
        WignerSeitzHopDetector ws = WignerSeitzHopDetector.diamondSupercell(start);
        VelocityVerlet vv = VelocityVerlet.of(1.0);
        CalculationResult dummy = CalculationResult.of(0, new double[3 * start.size()], new double[6]);
        for (int f = 0; f < frames.size(); f++) {
            MdState state = MdState.of(start.withPositions(frames.get(f)), 0);
            state.setClock(f, f);
            Snapshot s = new Snapshot(state, dummy, vv);
            counts.observe(s);
            ws.observe(s);
        }
        assertEquals(2, counts.hopTimesFs().length, "neighbour-count hops");
        assertEquals(2, ws.hopTimesFs().length, "Wigner-Seitz hops");
        assertTrue(counts.transitionFrames() > 0, "moving atoms pass through transition frames");
        // the hops are completed during the 10-frame moves (frames 10-19 and 40-49)
        for (double[] t : List.of(counts.hopTimesFs(), ws.hopTimesFs())) {
            assertTrue(t[0] >= 10 && t[0] <= 20, "first hop at " + t[0]);
            assertTrue(t[1] >= 40 && t[1] <= 50, "second hop at " + t[1]);
        }
        HopStatistics stats = counts.statistics();
        assertEquals(1, stats.waitingTimes());
        assertEquals(1000.0 / (counts.hopTimesFs()[1] - counts.hopTimesFs()[0]), stats.ratePerPs(), 1e-12);
    }

    @Test
    void noHopsWithoutMoves() {
        Structure start = Crystals.diamondVacancy("Si", A);
        Random rng = new Random(4);
        NeighbourCountHopDetector counts = NeighbourCountHopDetector.singleDiamondVacancy(start.size());
        WignerSeitzHopDetector ws = WignerSeitzHopDetector.diamondSupercell(start);
        VelocityVerlet vv = VelocityVerlet.of(1.0);
        CalculationResult dummy = CalculationResult.of(0, new double[3 * start.size()], new double[6]);
        for (int f = 0; f < 50; f++) {
            MdState state = MdState.of(start.withPositions(jitter(start.positionsA(), rng)), 0);
            state.setClock(f, f);
            Snapshot s = new Snapshot(state, dummy, vv);
            counts.observe(s);
            ws.observe(s);
        }
        assertArrayEquals(new double[0], counts.hopTimesFs());
        assertArrayEquals(new double[0], ws.hopTimesFs());
        assertEquals(0, ws.vacantSite(), "the vacancy is site 0 of the ideal lattice");
    }

    @Test
    void hopStatisticsPoolRuns() {
        HopStatistics s = HopStatistics.pooled(List.of(new double[] {100, 300, 700}, new double[] {50, 250}));
        assertEquals(5, s.hops());
        assertEquals(3, s.waitingTimes());
        assertEquals((200 + 400 + 200) / 3.0, s.meanWaitingFs(), 1e-12);
        assertEquals(1000 / s.meanWaitingFs(), s.ratePerPs(), 1e-12);
        assertEquals(s.ratePerPs() / Math.sqrt(3), s.standardErrorPerPs(), 1e-12);
        // leaving out run 1: 1 wait in 200 fs (5/ps); run 2: 2 in 600 fs (10/3 per ps); jackknife √(½ Σ (R₋ᵢ − R̄)²)
        assertEquals(5.0 / 6, s.replicaStandardErrorPerPs(), 1e-12);
        assertTrue(Double.isNaN(HopStatistics.of(new double[] {1, 2, 3}).replicaStandardErrorPerPs()));
    }

    /**
     * The replica SE against its meaning, on simulated runs (k = 200 runs of 40 ps): for a Poisson process at
     * 1/ps it must agree with rate/√n (the SE of a standard deviation estimated from k runs is about 1/√(2k) = 5%
     * relative; the bound allows 3 of those); when the runs' rates scatter (half at 0.7, half at 1.3 per ps; hop
     * counts variance/mean about 4.6) it must exceed rate/√n clearly (expected ratio about 2.1; bound 1.5).
     */
    @Test
    void replicaStandardErrorMatchesPoissonAndSeesScatterBetweenRuns() {
        org.apache.commons.math3.random.RandomGenerator rng = new org.apache.commons.math3.random.Well19937c(17);
        List<double[]> poisson = new java.util.ArrayList<>();
        List<double[]> scattered = new java.util.ArrayList<>();
        for (int r = 0; r < 200; r++) {
            poisson.add(poissonHops(rng, 1.0));
            scattered.add(poissonHops(rng, r % 2 == 0 ? 0.7 : 1.3));
        }
        HopStatistics p = HopStatistics.pooled(poisson);
        assertEquals(1.0, p.replicaStandardErrorPerPs() / p.standardErrorPerPs(), 0.15, p.toString());
        HopStatistics s = HopStatistics.pooled(scattered);
        assertTrue(s.replicaStandardErrorPerPs() > 1.5 * s.standardErrorPerPs(), s.toString());
    }

    /** Hop times (fs) of a Poisson process at the given rate (1/ps) over 40 ps. */
    private static double[] poissonHops(org.apache.commons.math3.random.RandomGenerator rng, double ratePerPs) {
        List<Double> times = new java.util.ArrayList<>();
        double t = 0;
        while (true) {
            t += -Math.log(1 - rng.nextDouble()) * 1000 / ratePerPs;
            if (t > 40_000) {
                return times.stream().mapToDouble(Double::doubleValue).toArray();
            }
            times.add(t);
        }
    }

    private static int nearestNeighbourOf(Structure s, int atom) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < s.size(); j++) {
            if (j == atom) {
                continue;
            }
            double[] d = {s.position(j, 0) - s.position(atom, 0), s.position(j, 1) - s.position(atom, 1),
                s.position(j, 2) - s.position(atom, 2)};
            double d2 = s.cell().minimumImage(d);
            if (d2 < bestD) {
                bestD = d2;
                best = j;
            }
        }
        return best;
    }
}
