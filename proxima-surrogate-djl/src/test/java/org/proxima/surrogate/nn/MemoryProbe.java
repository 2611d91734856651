package org.proxima.surrogate.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.testing.TestStructures;
import org.proxima.md.potential.StillingerWeber;
import org.proxima.surrogate.descriptor.AniParameters;

/**
 * Retrains and predicts repeatedly and prints the growth of the process's resident memory (run in a separate JVM
 * with a fixed, pre-touched heap by {@link NnMemoryTest}, so that heap growth does not count).
 * Arguments: retrains, predictions.
 */
public final class MemoryProbe {

    /** The predictions run in this many equal parts, with the resident memory printed after each. */
    static final int PARTS = 5;

    private MemoryProbe() {
    }

    /**
     * @param args number of retrains and of predictions
     */
    public static void main(String[] args) throws IOException {
        int retrains = Integer.parseInt(args.length > 0 ? args[0] : "50");
        int predictions = Integer.parseInt(args.length > 1 ? args[1] : "100000");
        List<TrainingPoint> data = new ArrayList<>();
        Random rng = new Random(7);
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            for (int k = 0; k < 64; k++) {
                Structure s = TestStructures.randomTriclinic(TestStructures.rattle(Crystals.diamondCubic("Si", 5.43),
                        0.15, rng), 0.03, rng);
                CalculationResult r = sw.calculate(s);
                data.add(new TrainingPoint(s, CalculationResult.of(r.energyEv(), r.forcesEvPerA(),
                        r.stressEvPerA3()), k));
            }
        }
        NnSettings settings = NnSettings.defaults().withEpochs(2);
        EnsembleSurrogate model = NnEnsemble.untrained(AniParameters.paperDefaults(List.of("Si")), settings, 1);
        // warm-up: engine, JIT, allocator pools
        model = retrain(model, data, 1);
        predict(model, data, 2000);
        long baseline = residentKb();
        for (int k = 2; k <= retrains; k++) {
            model = retrain(model, data, k);
        }
        long afterTraining = residentKb();
        StringBuilder trace = new StringBuilder();
        for (int part = 0; part < PARTS; part++) {
            predict(model, data, predictions / PARTS);
            trace.append(part == 0 ? "" : " ").append(residentKb());
        }
        long end = residentKb();
        model.close();
        System.out.printf("RSS_KB baseline %d after_training %d end %d%n", baseline, afterTraining, end);
        System.out.printf("RSS_KB_PREDICTIONS %s%n", trace);
        System.out.printf("RSS_GROWTH_MB %.1f%n", (end - baseline) / 1024.0);
    }

    private static EnsembleSurrogate retrain(EnsembleSurrogate model, List<TrainingPoint> data, long version) {
        EnsembleSurrogate next = model.fit(data, new EnsembleSurrogate.FitOptions(version, version, 0, 1)).ensemble();
        model.close();
        return next;
    }

    private static void predict(EnsembleSurrogate model, List<TrainingPoint> data, int count) {
        double sink = 0;
        for (int k = 0; k < count; k++) {
            sink += model.predict(data.get(k % data.size()).structure()).mean().energyEv();
        }
        if (!Double.isFinite(sink)) {
            throw new IllegalStateException("non-finite predictions");
        }
    }

    /** @return VmRSS of this process, kB (Linux) */
    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }
}
