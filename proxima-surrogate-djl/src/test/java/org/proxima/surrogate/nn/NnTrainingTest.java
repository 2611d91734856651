package org.proxima.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.surrogate.AccuracyMetrics;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;

/**
 * The paper-sized ensemble (M = 2, 48→128→102→81→1, 32 epochs) trained on 1024 Stillinger–Weber Si-vacancy NPT
 * frames at 800 K predicts 256 later frames within the accuracy the issue asks for. About a minute on two cores.
 */
class NnTrainingTest {

    @Test
    void accuracyOnHeldOutStillingerWeberFrames() {
        List<TrainingPoint> all = SwTrainingData.frames(1280);
        List<TrainingPoint> train = all.subList(0, 1024);
        List<TrainingPoint> test = all.subList(1024, 1280);
        NnEnsemble untrained = NnEnsemble.untrained(AniParameters.paperDefaults(List.of("Si")),
                NnSettings.defaults(), 3);
        EnsembleSurrogate.Trained t = untrained.fit(train, new EnsembleSurrogate.FitOptions(1, 3, 0, 1));
        try (EnsembleSurrogate model = t.ensemble()) {
            AccuracyMetrics m = AccuracyMetrics.of(model, test);
            System.out.println("NN ensemble, 1024 training frames (fit " + t.report().wallSeconds() + " s): " + m);
            for (TrainingReport.MemberReport r : t.report().members()) {
                System.out.println("member " + r.member() + " last epoch " + r.last());
            }
            assertTrue(m.forceMae() <= 0.15 * m.forceRms(), m.toString());
            assertTrue(m.stressMae() <= 0.20 * m.stressRms(), m.toString());
            assertTrue(m.spearman() > 0.2, m.toString());
        }
    }
}
