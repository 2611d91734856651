package org.proxima.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;

/** Reproducibility, persistence and bad input of the neural-network ensemble, on small networks and data. */
class NnEnsembleTest {

    private static final AniParameters SI = AniParameters.paperDefaults(List.of("Si"));
    private static final NnSettings SMALL = NnSettings.defaults().withHidden(16, 12).withEpochs(2).withBatchSize(8);

    @TempDir
    Path dir;

    private static EnsembleSurrogate.FitOptions options(long version) {
        return new EnsembleSurrogate.FitOptions(version, 5, 0, 1);
    }

    private static void assertSamePredictions(EnsemblePrediction a, EnsemblePrediction b) {
        assertEquals(a.memberCount(), b.memberCount());
        for (int m = 0; m < a.memberCount(); m++) {
            assertEquals(a.memberEnergyEv(m), b.memberEnergyEv(m), 0.0, "energy of member " + m);
            assertArrayEquals(a.memberForcesEvPerA(m), b.memberForcesEvPerA(m), 0.0, "forces of member " + m);
            assertArrayEquals(a.memberStressEvPerA3(m), b.memberStressEvPerA3(m), 0.0, "stress of member " + m);
        }
    }

    /**
     * Regression test for a DJL pitfall: number overloads such as {@code NDArray.mul(0.5f)} wrap the number in a
     * tensor over a Java direct buffer and close it at once, but autograd keeps that tensor for the backward pass;
     * when the garbage collector then frees the buffer, gradients read freed memory. Here the same gradient is
     * computed repeatedly while another thread forces collections; every result must be bit-identical.
     */
    @Test
    void lossGradientIsBitReproducibleUnderGarbageCollection() throws InterruptedException {
        List<TrainingPoint> batch = SwTrainingData.frames(16);
        NnTrainer trainer = new NnTrainer(SI, NnSettings.defaults());
        MlpWeights w = MlpWeights.initialise(new int[] {48, 128, 102, 81, 1}, new Well19937c(5));
        NnMember member = new NnMember(List.of(w.scaledOutput(20, 0)),
                new double[] {batch.get(0).result().energyEv() / 63});
        AtomicBoolean running = new AtomicBoolean(true);
        Thread churn = new Thread(() -> {
            long sink = 0;
            while (running.get()) {
                sink += new double[200_000].length;
                System.gc();
            }
            assertTrue(sink >= 0);
        });
        churn.setDaemon(true);
        churn.start();
        try {
            float[][] first = trainer.lossAndGradient(member, batch).gradients();
            for (int k = 0; k < 6; k++) {
                float[][] again = trainer.lossAndGradient(member, batch).gradients();
                for (int s = 0; s < first.length; s++) {
                    assertArrayEquals(first[s], again[s], "gradient differs on repetition " + k);
                }
            }
        } finally {
            running.set(false);
            churn.join();
        }
    }

    @Test
    void sameSeedGivesTheSameEnsembleAndOtherSeedsDiffer() {
        List<TrainingPoint> data = SwTrainingData.frames(48);
        Structure probe = SwTrainingData.frames(100).get(99).structure();
        try (NnEnsemble a = (NnEnsemble) NnEnsemble.untrained(SI, SMALL, 3).fit(data, options(1)).ensemble();
                NnEnsemble b = (NnEnsemble) NnEnsemble.untrained(SI, SMALL, 3).fit(data, options(1)).ensemble();
                NnEnsemble c = (NnEnsemble) NnEnsemble.untrained(SI, SMALL, 4).fit(data, options(1)).ensemble()) {
            assertSamePredictions(a.predict(probe), b.predict(probe));
            assertNotEquals(a.predict(probe).memberEnergyEv(0), c.predict(probe).memberEnergyEv(0));
            // members differ from each other (initialisation and split)
            EnsemblePrediction p = a.predict(probe);
            assertTrue(!Arrays.equals(p.memberForcesEvPerA(0), p.memberForcesEvPerA(1)));
        }
    }

    @Test
    void trainingReportsEveryEpochAndWarmStartContinues() {
        List<TrainingPoint> data = SwTrainingData.frames(64);
        NnSettings settings = SMALL.withEpochs(4);
        EnsembleSurrogate.Trained first = NnEnsemble.untrained(SI, settings, 3).fit(data, options(1));
        assertEquals(2, first.report().members().size());
        for (var member : first.report().members()) {
            assertEquals(4, member.epochs().size());
            assertEquals(64, member.trainFrames() + member.validFrames());
            assertTrue(member.validFrames() >= 1, "about 10 % validation frames");
            assertTrue(Double.isFinite(member.last().validForceMaeEvPerA()));
        }
        try (EnsembleSurrogate model = first.ensemble()) {
            EnsembleSurrogate.Trained second = model.fit(data, options(2));
            try (EnsembleSurrogate next = second.ensemble()) {
                assertEquals(2, next.version());
                // warm start: the second training continues from where the first ended, so its first epoch is
                // closer to the first training's last epoch than to its first
                for (int m = 0; m < 2; m++) {
                    double end = first.report().members().get(m).last().trainForceMaeEvPerA();
                    double start = second.report().members().get(m).epochs().get(0).trainForceMaeEvPerA();
                    double cold = first.report().members().get(m).epochs().get(0).trainForceMaeEvPerA();
                    assertTrue(Math.abs(start - end) < Math.abs(cold - end),
                            "member " + m + ": warm start " + start + ", previous end " + end + ", cold " + cold);
                }
            }
        }
    }

    @Test
    void saveAndLoadReproducePredictionsBitForBit() {
        Structure probe = SwTrainingData.frames(70).get(69).structure();
        try (NnEnsemble model = (NnEnsemble) NnEnsemble.untrained(SI, SMALL, 3)
                .fit(SwTrainingData.frames(40), options(7)).ensemble()) {
            model.save(dir);
            try (NnEnsemble loaded = NnEnsemble.load(dir)) {
                assertEquals(7, loaded.version());
                assertEquals(model.settings(), loaded.settings());
                assertEquals(model.parameters(), loaded.parameters());
                assertEquals(model.species(), loaded.species());
                assertSamePredictions(model.predict(probe), loaded.predict(probe));
            }
        }
    }

    @Test
    void badInputIsRejectedClearlyAndAFailedRetrainKeepsThePreviousModel() {
        NnEnsemble fresh = NnEnsemble.untrained(SI, SMALL, 3);
        IllegalStateException untrained = assertThrows(IllegalStateException.class,
                () -> fresh.predict(Crystals.diamondCubic("Si", 5.43)));
        assertTrue(untrained.getMessage().contains("not trained"), untrained.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> fresh.fit(List.of(), options(1)));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
                () -> fresh.fit(SwTrainingData.frames(1), options(1)));
        assertTrue(few.getMessage().contains("2-member"), few.getMessage());

        List<TrainingPoint> data = SwTrainingData.frames(24);
        try (EnsembleSurrogate model = fresh.fit(data, options(1)).ensemble()) {
            Structure probe = data.get(3).structure();
            EnsemblePrediction before = model.predict(probe);
            // germanium: not a species of the model, in training and in prediction
            Structure ge = Crystals.diamondCubic("Ge", 5.65);
            List<TrainingPoint> withGe = new ArrayList<>(data);
            withGe.add(new TrainingPoint(ge, CalculationResult.of(-30, new double[24], new double[6]), 99));
            IllegalArgumentException species = assertThrows(IllegalArgumentException.class,
                    () -> model.fit(withGe, options(2)));
            assertTrue(species.getMessage().contains("Ge"), species.getMessage());
            IllegalArgumentException predictGe = assertThrows(IllegalArgumentException.class,
                    () -> model.predict(ge));
            assertTrue(predictGe.getMessage().contains("Ge"), predictGe.getMessage());
            // the failed retrain left the model as it was
            assertEquals(1, model.version());
            assertSamePredictions(before, model.predict(probe));
        }
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> NnSettings.defaults().withHidden(16, 0));
        assertThrows(IllegalArgumentException.class, () -> NnSettings.defaults().withMembers(0));
        assertThrows(IllegalArgumentException.class, () -> NnSettings.defaults().withBatchSize(0));
    }
}
