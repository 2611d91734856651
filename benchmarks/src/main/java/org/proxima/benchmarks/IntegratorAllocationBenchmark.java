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
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.BerendsenNpt;
import org.proxima.md.integrate.BerendsenNvt;
import org.proxima.md.integrate.Bussi;
import org.proxima.md.integrate.Langevin;
import org.proxima.md.integrate.MelchionnaNpt;
import org.proxima.md.integrate.MtkNpt;
import org.proxima.md.integrate.NoseHooverChain;
import org.proxima.md.integrate.VelocityVerlet;

/**
 * What one integrator step allocates, apart from the force evaluation: each integrator steps a Si crystal against
 * a stub force field that returns preallocated results (zero forces; a stress that balances the kinetic pressure
 * plus a restoring term linear in the volume strain, taken from a table, so the barostats stay near the start
 * volume). Run with {@code -prof gc} and read {@code gc.alloc.rate.norm}
 * (bytes per step); the goal is ≤ 100 B per step for every integrator at 64 and 4096 atoms. Everything is set up
 * once per trial (a per-iteration rebuild would be counted), and the stub's restoring stress keeps the runs bounded
 * (checked for 2 million steps of each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class IntegratorAllocationBenchmark {

    /** The integrator. */
    @Param({"verlet", "langevin", "bussi", "nhc", "berendsen-nvt", "berendsen-npt", "melchionna", "mtk"})
    public String integrator;

    /** Atom count: 8 × repeat³. */
    @Param({"64", "4096"})
    public int atoms;

    private Integrator scheme;
    private MdState state;
    private CalculationResult current;
    private ForceField stub;

    /**
     * @param name integrator name
     * @return it, at 300 K with the studies' time constants
     */
    static Integrator create(String name) {
        return switch (name) {
            case "verlet" -> VelocityVerlet.of(1.0);
            case "langevin" -> Langevin.of(1.0, 300, 0.01);
            case "bussi" -> Bussi.of(1.0, 300, 25);
            case "nhc" -> NoseHooverChain.builder(1.0, 300, 25).chainLength(3).build();
            case "berendsen-nvt" -> BerendsenNvt.of(1.0, 300, 25);
            case "berendsen-npt" -> BerendsenNpt.builder(1.0, 300).thermostat(25).barostat(250, 98).build();
            // one free axis: the stub's restoring stress acts on the volume only, so with more free axes the
            // shape could drift without bound
            case "melchionna" -> MelchionnaNpt.builder(1.0, 300).ttimeFs(25).barostat(25, 98).pressureGpa(0)
                    .mask(BarostatMask.parse("1,0,0,0,0,0")).build();
            case "mtk" -> MtkNpt.builder(1.0, 300).tdampFs(100).pdampFs(1000).pressureGpa(0).build();
            default -> throw new IllegalArgumentException("Unknown integrator " + name);
        };
    }

    private Structure crystal;
    private CalculationResult[] levels;
    private double v0;

    private MdState freshState() {
        MdState st = MdState.of(crystal, 1);
        Velocities.maxwellBoltzmann(st, 300, 1);
        return st;
    }

    /**
     * The crystal and the stub's table, once: a tensile stress that balances the kinetic pressure plus a linear
     * restoring term K·(V − V₀)/V₀ with K = 100 GPa, preallocated for 201 levels up to ±2 % strain, so the
     * barostats oscillate about the start volume as in a solid and the stub allocates nothing; and the integrator.
     */
    @Setup(Level.Trial)
    public void table() {
        int repeat = (int) Math.round(Math.cbrt(atoms / 8.0));
        crystal = Crystals.diamondCubic("Si", 5.431).repeat(repeat, repeat, repeat);
        v0 = crystal.cell().volumeA3();
        double p = 2 * freshState().kineticEnergyEv() / (3 * v0);
        double k = 100.0 / 160.21766;
        levels = new CalculationResult[201];
        for (int j = 0; j < levels.length; j++) {
            double sigma = p + k * 0.02 * (j - 100) / 100.0;
            levels[j] = CalculationResult.of(0.0, new double[3 * crystal.size()],
                    new double[] {sigma, sigma, sigma, 0, 0, 0});
        }
        CalculationResult[] table = levels;
        double volume = v0;
        stub = st -> table[(int) Math.max(0, Math.min(200,
                Math.round(100 + 100 * (st.volumeA3() - volume) / (0.02 * volume))))];
        // the crystal at 300 K, once per trial: nothing set up here is counted in the measured iterations
        state = freshState();
        scheme = create(integrator);
        current = levels[100];
        scheme.prepare(state);
        scheme.initialize(state, current);
    }

    /** @return the result of one step */
    @Benchmark
    public CalculationResult step() {
        current = scheme.step(state, current, stub);
        state.advance(scheme.timestepFs());
        return current;
    }
}
