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
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;
import org.proxima.surrogate.linear.LinearEnsemble;
import org.proxima.surrogate.nn.NnEnsemble;
import org.proxima.surrogate.nn.NnSettings;

/**
 * Training time of the whole ensemble (M = 2) on 1024 frames of 63 Si atoms: the NN ensemble with the paper's
 * settings (32 epochs, batch 32; descriptors are computed on a second thread while the first trains) and, for
 * comparison, the linear ensemble's closed-form fit. One shot each, from scratch, after one warm-up fit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class NnTrainingBenchmark {

    private List<TrainingPoint> data;
    private final EnsembleSurrogate.FitOptions options = new EnsembleSurrogate.FitOptions(1, 3, 0, 1);

    /** Generates 1024 frames of SW Si-vacancy NPT MD at 800 K, 8 fs apart. */
    @Setup(Level.Trial)
    public void setup() {
        data = SwTrainingData.generate(1024, 8);
    }

    /** @return the NN ensemble trained from scratch */
    @Benchmark
    public EnsembleSurrogate nnEnsemble32Epochs() {
        EnsembleSurrogate e = NnEnsemble.untrained(AniParameters.paperDefaults(List.of("Si")), NnSettings.defaults(), 3)
                .fit(data, options).ensemble();
        e.close();
        return e;
    }

    /** @return the linear ensemble fitted from scratch */
    @Benchmark
    public EnsembleSurrogate linearEnsemble() {
        return LinearEnsemble.untrained(List.of("Si"), 2, 3).fit(data, options).ensemble();
    }
}
