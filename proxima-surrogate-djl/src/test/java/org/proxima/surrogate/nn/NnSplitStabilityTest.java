package org.proxima.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.MemberSplit;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;

/**
 * A frame keeps its train/validation side for good: across retrainings (whose per-fit seeds differ, as the blending
 * calculator derives them from the model version) and after a save/load (a restart).
 */
class NnSplitStabilityTest {

    @TempDir
    Path dir;

    /** The per-fit options the blending calculator uses for model version v with calculator seed s. */
    private static EnsembleSurrogate.FitOptions fit(long seed, long version, int cap) {
        return new EnsembleSurrogate.FitOptions(version, seed + 7919 * version, cap, 1.0);
    }

    private static Set<Integer> validation(MemberSplit s) {
        Set<Integer> out = new HashSet<>();
        for (int k : s.validation()) {
            out.add(k);
        }
        return out;
    }

    @Test
    void everyFrameKeepsItsSideAcrossFourRetrainings() {
        long seed = 3;
        int[] sizes = {200, 264, 328, 392};
        for (int member = 0; member < 2; member++) {
            Set<Integer> first = validation(NnTrainer.split(member, sizes[0], seed, fit(seed, 1, 0)));
            for (int v = 2; v <= sizes.length; v++) {
                MemberSplit s = NnTrainer.split(member, sizes[v - 1], seed, fit(seed, v, 0));
                Set<Integer> valid = validation(s);
                for (int k = 0; k < sizes[0]; k++) {
                    assertEquals(first.contains(k), valid.contains(k), "member " + member + ", frame " + k
                            + " changed side at retraining v" + v);
                }
                // about 10 % held out, with a binomial 4σ tolerance
                double p = MemberSplit.VALIDATION_FRACTION;
                double sd = Math.sqrt(sizes[v - 1] * p * (1 - p));
                assertEquals(sizes[v - 1] * p, valid.size(), 4 * sd);
            }
        }
        // the members differ: their sides are independent draws
        assertTrue(!validation(NnTrainer.split(0, 392, seed, fit(seed, 1, 0)))
                .equals(validation(NnTrainer.split(1, 392, seed, fit(seed, 1, 0)))));
    }

    @Test
    void aCappedSubsampleMayChangeButNoFrameSwitchesSide() {
        long seed = 8;
        Set<Integer> validAtFirst = validation(NnTrainer.split(0, 600, seed, fit(seed, 1, 0)));
        for (int v = 1; v <= 3; v++) {
            MemberSplit capped = NnTrainer.split(0, 600, seed, fit(seed, v, 128));
            assertEquals(128, capped.train().length);
            for (int k : capped.train()) {
                assertTrue(!validAtFirst.contains(k), "validation frame " + k + " used for training at v" + v);
            }
            for (int k : capped.validation()) {
                assertTrue(validAtFirst.contains(k), "training frame " + k + " used for validation at v" + v);
            }
        }
    }

    @Test
    void theSidesSurviveASaveAndLoad() {
        AniParameters si = AniParameters.paperDefaults(List.of("Si"));
        NnSettings small = NnSettings.defaults().withHidden(8, 8).withEpochs(1).withBatchSize(8);
        try (NnEnsemble untrained = NnEnsemble.untrained(si, small, 21);
                NnEnsemble trained = (NnEnsemble) untrained.fit(SwTrainingData.frames(24), fit(21, 1, 0)).ensemble()) {
            trained.save(dir.resolve("model"));
            try (NnEnsemble loaded = NnEnsemble.load(dir.resolve("model"))) {
                assertEquals(trained.seed(), loaded.seed());
                for (int m = 0; m < 2; m++) {
                    assertEquals(NnTrainer.split(m, 500, trained.seed(), fit(21, 2, 0)),
                            NnTrainer.split(m, 500, loaded.seed(), fit(21, 2, 0)));
                }
            }
        }
    }
}
