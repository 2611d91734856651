package org.proxima.benchmarks;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.NoseHooverChain;
import org.proxima.md.potential.StillingerWeber;

/**
 * A whole MD step (Nosé–Hoover chain NVT at 1000 K, as LAMMPS {@code fix nvt}) next to the force evaluation alone,
 * on a Stillinger–Weber Si crystal equilibrated at 1000 K. The MD benchmark advances a real trajectory; the force
 * benchmark replays 200 recorded steps of it, so both rebuild the Verlet list at the natural rate. Divide by the
 * atom count for µs per atom-step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class MdStepBenchmark {

    /** Atom count: 8 × repeat³. */
    @Param({"4096"})
    public int atoms;

    private MolecularDynamics md;
    private StillingerWeber forceOnly;
    private Structure[] frames;
    private int next;

    /** Equilibrates the crystal for 500 steps. */
    @Setup(Level.Trial)
    public void setup() {
        int repeat = (int) Math.round(Math.cbrt(atoms / 8.0));
        MdState state = MdState.of(Crystals.diamondCubic("Si", 5.431).repeat(repeat, repeat, repeat), 1);
        Velocities.maxwellBoltzmann(state, 2000, 1);
        md = MolecularDynamics.builder(state, StillingerWeber.silicon(), NoseHooverChain.builder(1.0, 1000, 100).chainLength(3).build())
                .build();
        md.run(500);
        frames = new Structure[200];
        for (int f = 0; f < frames.length; f++) {
            md.run(1);
            frames[f] = state.toStructure();
        }
        forceOnly = StillingerWeber.silicon();
    }

    /** @return the calculation after one whole MD step */
    @Benchmark
    public CalculationResult mdStep() {
        md.run(1);
        return md.current();
    }

    /**
     * The force call alone, replaying 200 consecutive steps recorded from the same trajectory.
     *
     * @return the calculation
     */
    @Benchmark
    public CalculationResult forceOnly() {
        Structure s = frames[next];
        next = next + 1 == frames.length ? 0 : next + 1;
        return forceOnly.calculate(s);
    }

    /** Releases the calculators. */
    @TearDown
    public void close() {
        md.close();
    }
}
