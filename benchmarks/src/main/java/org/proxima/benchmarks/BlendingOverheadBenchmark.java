package org.proxima.benchmarks;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.ThresholdController;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.testing.FixedEnsemble;

/**
 * The BlendingCalculator's own cost on a pure-surrogate step (63 atoms, 2 members): {@code pureSurrogateStep}
 * calls the calculator, whose surrogate returns a prediction built once in advance (a trivial surrogate); the
 * difference to {@code surrogateCallOnly} (the same surrogate call alone) is the calculator's overhead: UQ, decision,
 * blend bookkeeping, step record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlendingOverheadBenchmark {

    private BlendingCalculator calc;
    private EnsembleSurrogate surrogate;
    private Structure structure;

    /** Builds the calculator and ramps it to pure surrogate. */
    @Setup
    public void setup() {
        structure = Crystals.diamondVacancy("Si", 5.43);
        int n = structure.size();
        double[][] f = new double[2][3 * n];
        for (int k = 0; k < 3 * n; k++) {
            f[0][k] = 0.01 * k;
            f[1][k] = -0.01 * k;
        }
        double[][] s = {{1e-3, 1e-3, 1e-3, 0, 0, 0}, {1e-3, 1e-3, 1e-3, 0, 0, 0}};
        EnsemblePrediction prediction = EnsemblePrediction.of(n, new double[] {-268, -268.1}, f, s);
        surrogate = new FixedEnsemble(st -> prediction);
        ForceCalculator trivialTarget = new ForceCalculator() {
            private final CalculationResult r = CalculationResult.of(-268.05, new double[3 * n], new double[6]);

            @Override
            public CalculationResult calculate(Structure st) {
                return r;
            }

            @Override
            public Set<Property> implementedProperties() {
                return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
            }
        };
        ThresholdController always = new ThresholdController() {
            @Override
            public java.util.OptionalDouble threshold() {
                return java.util.OptionalDouble.of(Double.MAX_VALUE);
            }

            @Override
            public void observe(org.proxima.core.blend.Observation o) {
            }

            @Override
            public org.proxima.core.checkpoint.StateMap saveState() {
                return new org.proxima.core.checkpoint.StateMap();
            }

            @Override
            public void restoreState(org.proxima.core.checkpoint.StateMap state) {
            }
        };
        calc = BlendingCalculator.builder(trivialTarget, surrogate).controller(always).auditProbability(0)
                .blendSteps(10).retrainInterval(Integer.MAX_VALUE).build();
        for (int k = 0; k < 20; k++) {
            calc.calculate(structure);
        }
    }

    /** @return a pure-surrogate step through the calculator */
    @Benchmark
    public CalculationResult pureSurrogateStep() {
        return calc.calculate(structure);
    }

    /** @return the surrogate call alone */
    @Benchmark
    public EnsemblePrediction surrogateCallOnly() {
        return surrogate.predict(structure);
    }
}
