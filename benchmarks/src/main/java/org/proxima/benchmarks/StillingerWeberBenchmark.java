package org.proxima.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.potential.StillingerWeber;

/**
 * Stillinger–Weber energy + forces + stress + per-atom energies, single thread, on diamond Si supercells of 64 to
 * 32768 atoms. Each call evaluates the next frame of a pre-generated thermal-like trajectory: every atom oscillates
 * about its lattice site with a random amplitude (0.1 Å rms per component, as in Si at about 1000 K) and phase, and
 * moves up to about 0.01 Å per frame (1 fs at 1000 K), so the Verlet list (skin 1.0 Å) is reused and rebuilt at
 * the rate a real MD run sees. Divide the time per operation by the atom count for µs per atom-step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StillingerWeberBenchmark {

    /** Atom count: 8 × repeat³. */
    @Param({"64", "512", "4096", "32768"})
    public int atoms;

    private StillingerWeber sw;
    private Structure[] frames;
    private int next;

    /** Builds the crystal and the random walk. */
    @Setup(Level.Trial)
    public void setup() {
        int repeat = (int) Math.round(Math.cbrt(atoms / 8.0));
        Structure s = Crystals.diamondCubic("Si", 5.431).repeat(repeat, repeat, repeat);
        Random rng = new Random(1);
        double[] x0 = s.positionsA();
        double[] amp = new double[x0.length];
        double[] phase = new double[x0.length];
        for (int k = 0; k < x0.length; k++) {
            amp[k] = 0.1 * rng.nextGaussian() * Math.sqrt(2);
            phase[k] = 2 * Math.PI * rng.nextDouble();
        }
        frames = new Structure[Math.max(32, Math.min(240, 4_000_000 / atoms))];
        double omega = 2 * Math.PI / 60; // a 60-frame period: 0.1 Å amplitude moves ≈ 0.01 Å per frame
        double[] x = new double[x0.length];
        for (int f = 0; f < frames.length; f++) {
            for (int k = 0; k < x.length; k++) {
                x[k] = x0[k] + amp[k] * Math.sin(omega * f + phase[k]);
            }
            frames[f] = s.withPositions(x);
        }
        sw = StillingerWeber.silicon();
    }

    /** @return one step's result */
    @Benchmark
    public CalculationResult energyForcesStress() {
        Structure s = frames[next];
        next = next + 1 == frames.length ? 0 : next + 1;
        return sw.calculate(s);
    }
}
