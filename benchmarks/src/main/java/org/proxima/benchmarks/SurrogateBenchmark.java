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
import org.proxima.surrogate.descriptor.Descriptors;
import org.proxima.surrogate.linear.LinearEnsemble;
import org.proxima.surrogate.nn.NnEnsemble;
import org.proxima.surrogate.nn.NnSettings;

/**
 * Surrogate evaluation on 63 Si atoms (SW vacancy NPT trajectory at 800 K), one thread: energy, forces and stress of
 * every member, descriptors included, for the NN ensemble (M = 2, paper architecture, trained 4 epochs on 256
 * frames) and the linear ensemble (M = 2, fitted on the same frames), the latter also on the extended descriptor set
 * ({@link AniParameters#extended}, 128 features against the paper's 48); and the descriptors with their derivatives
 * alone, for both sets. Each call takes the next of 200 successive MD steps, so the Verlet list is reused and rebuilt
 * at the rate an MD run sees. Sample mode reports the median (p0.50). Run with {@code OMP_WAIT_POLICY=PASSIVE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SurrogateBenchmark {

    private NnEnsemble nn;
    private LinearEnsemble linear;
    private LinearEnsemble linearExtended;
    private AniDescriptor descriptor;
    private AniDescriptor descriptorExtended;
    private Structure[] frames;
    private int next;

    /** Trains both ensembles and records 200 successive MD frames. */
    @Setup(Level.Trial)
    public void setup() {
        List<TrainingPoint> training = SwTrainingData.generate(256, 8);
        AniParameters params = AniParameters.paperDefaults(List.of("Si"));
        EnsembleSurrogate.FitOptions options = new EnsembleSurrogate.FitOptions(1, 1, 0, 1);
        nn = (NnEnsemble) NnEnsemble.untrained(params, NnSettings.defaults().withEpochs(4), 1).fit(training, options)
                .ensemble();
        linear = (LinearEnsemble) LinearEnsemble.untrained(List.of("Si"), 2, 1).fit(training, options).ensemble();
        AniParameters extended = AniParameters.extended(List.of("Si"));
        linearExtended = (LinearEnsemble) LinearEnsemble.untrained(extended, 2, LinearEnsemble.DEFAULT_RIDGE, 1)
                .fit(training, options).ensemble();
        descriptor = new AniDescriptor(params);
        descriptorExtended = new AniDescriptor(extended);
        frames = SwTrainingData.generate(200, 1).stream().map(TrainingPoint::structure)
                .toArray(Structure[]::new);
    }

    /** Releases the network's native memory. */
    @TearDown(Level.Trial)
    public void tearDown() {
        nn.close();
    }

    private Structure nextFrame() {
        Structure s = frames[next];
        next = (next + 1) % frames.length;
        return s;
    }

    /** @return NN ensemble prediction (energy, forces, stress of both members) */
    @Benchmark
    public EnsemblePrediction nnEnsemble() {
        return nn.predict(nextFrame());
    }

    /** @return linear ensemble prediction */
    @Benchmark
    public EnsemblePrediction linearEnsemble() {
        return linear.predict(nextFrame());
    }

    /** @return linear ensemble prediction on the extended descriptor set */
    @Benchmark
    public EnsemblePrediction linearEnsembleExtended() {
        return linearExtended.predict(nextFrame());
    }

    /** @return descriptors and their position and strain derivatives */
    @Benchmark
    public Descriptors descriptors() {
        return descriptor.compute(nextFrame());
    }

    /** @return the extended set's descriptors and their position and strain derivatives */
    @Benchmark
    public Descriptors descriptorsExtended() {
        return descriptorExtended.compute(nextFrame());
    }
}
