package org.proxima.benchmarks;

import java.util.List;
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
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.descriptor.AniDescriptor;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;
import org.proxima.surrogate.descriptor.DescriptorPreset;
import org.proxima.surrogate.descriptor.Descriptors;
import org.proxima.surrogate.linear.LinearEnsemble;
import org.proxima.surrogate.nn.NnEnsemble;
import org.proxima.surrogate.nn.NnSettings;

/**
 * Surrogate evaluation on 63 Si atoms (SW vacancy NPT trajectory at 800 K), one thread: energy, forces and stress of
 * every member, descriptors included, for the NN ensemble (M = 2, paper architecture, trained 4 epochs on 256
 * frames) and the linear ensemble (M = 2, fitted on the same frames), the latter on each descriptor preset
 * ({@link DescriptorSet#preset}: paper, extended, three-body); and each preset's descriptors with their derivatives
 * alone. Each call takes the next of 200 successive MD steps, so the Verlet list is reused and rebuilt at the rate an
 * MD run sees. Sample mode reports the median (p0.50). Run with {@code OMP_WAIT_POLICY=PASSIVE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SurrogateBenchmark {

    private NnEnsemble nn;
    private Frames frames;

    /** 200 successive MD frames, handed out in turn. */
    private static final class Frames {
        private final Structure[] all = SwTrainingData.generate(200, 1).stream().map(TrainingPoint::structure)
                .toArray(Structure[]::new);
        private int next;

        Structure next() {
            Structure s = all[next];
            next = (next + 1) % all.length;
            return s;
        }
    }

    private static List<TrainingPoint> training() {
        return SwTrainingData.generate(256, 8);
    }

    private static final EnsembleSurrogate.FitOptions OPTIONS = new EnsembleSurrogate.FitOptions(1, 1, 0, 1);

    /** Trains the NN ensemble and records 200 successive MD frames. */
    @Setup(Level.Trial)
    public void setup() {
        AniParameters params = AniParameters.paperDefaults(List.of("Si"));
        nn = (NnEnsemble) NnEnsemble.untrained(params, NnSettings.defaults().withEpochs(4), 1)
                .fit(training(), OPTIONS).ensemble();
        frames = new Frames();
    }

    /** Releases the network's native memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        nn.close();
    }

    /** A descriptor preset with its descriptor calculator and a linear ensemble fitted on it. */
    @State(Scope.Benchmark)
    public static class DescriptorSet {
        /** The preset's command-line name. */
        @Param({"paper", "extended", "three-body"})
        public String preset;

        private LinearEnsemble linear;
        private AniDescriptor descriptor;
        private Frames frames;

        /** Fits the linear ensemble (default ridge) on the preset and records the frames. */
        @Setup(Level.Trial)
        public void setup() {
            AniParameters params = DescriptorPreset.parse(preset).parameters(List.of("Si"));
            linear = (LinearEnsemble) LinearEnsemble.untrained(params, 2, LinearEnsemble.DEFAULT_RIDGE, 1)
                    .fit(training(), OPTIONS).ensemble();
            descriptor = new AniDescriptor(params);
            frames = new Frames();
        }
    }

    /** @return NN ensemble prediction (energy, forces, stress of both members) */
    @Benchmark
    public EnsemblePrediction nnEnsemble() {
        return nn.predict(frames.next());
    }

    /**
     * @param set the descriptor preset
     * @return linear ensemble prediction
     */
    @Benchmark
    public EnsemblePrediction linearEnsemble(DescriptorSet set) {
        return set.linear.predict(set.frames.next());
    }

    /**
     * @param set the descriptor preset
     * @return descriptors and their position and strain derivatives
     */
    @Benchmark
    public Descriptors descriptors(DescriptorSet set) {
        return set.descriptor.compute(set.frames.next());
    }
}
