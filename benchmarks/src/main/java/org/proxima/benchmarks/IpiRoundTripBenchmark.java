package org.proxima.benchmarks;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.ipi.IpiAddress;
import org.proxima.ipi.IpiCalculator;
import org.proxima.ipi.IpiClient;

/**
 * What the i-PI protocol costs per evaluation over a unix socket: an {@link IpiCalculator} asking an
 * {@link IpiClient} in another thread of the same JVM that serves a trivial calculator (zero forces, no work), so only
 * the protocol is timed (STATUS, POSDATA, STATUS, GETFORCE, FORCEREADY; the cell rotation and the unit conversions),
 * beside the same trivial evaluation in-process. Goals: ≤ 50 µs for 63 atoms, ≤ 2 ms for 4096.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IpiRoundTripBenchmark {

    /** Atoms: the 63-atom vacancy cell, or a 4096-atom supercell. */
    @Param({"63", "4096"})
    public int atoms;

    private Structure structure;
    private IpiCalculator server;
    private CompletableFuture<IpiClient.Report> client;
    private final ForceCalculator trivial = new ForceCalculator() {
        @Override
        public Set<Property> implementedProperties() {
            return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
        }

        @Override
        public CalculationResult calculate(Structure s) {
            return CalculationResult.of(0, new double[3 * s.size()], new double[6]);
        }
    };
    private int tick;

    /** Starts the server and the client thread. */
    @Setup
    public void setup() {
        structure = atoms == 63 ? Crystals.diamondVacancy("Si", 5.43) : Crystals.diamondCubic("Si", 5.43).repeat(8, 8, 8);
        IpiAddress a = IpiAddress.unix("proxima-bench-" + ProcessHandle.current().pid());
        server = IpiCalculator.builder(a).acceptTimeout(Duration.ofSeconds(30)).build();
        client = CompletableFuture.supplyAsync(() -> {
            try (IpiClient c = IpiClient.connect(a, Duration.ofSeconds(30))) {
                return c.serve(structure, trivial, Duration.ofMinutes(10));
            }
        });
    }

    /** Sends EXIT and removes the socket. */
    @TearDown
    public void tearDown() throws Exception {
        server.close();
        client.get(30, TimeUnit.SECONDS);
    }

    /** @return one evaluation over the socket (positions nudged so the client's cache never answers) */
    @Benchmark
    public CalculationResult overUnixSocket() {
        double[] x = structure.positionsA();
        x[0] += 1e-12 * ++tick; // never the same positions twice
        structure = structure.withPositions(x);
        return server.calculate(structure);
    }

    /** @return the same trivial evaluation in-process */
    @Benchmark
    public CalculationResult inProcess() {
        return trivial.calculate(structure);
    }
}
