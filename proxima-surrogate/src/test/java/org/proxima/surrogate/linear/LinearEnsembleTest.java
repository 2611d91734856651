package org.proxima.surrogate.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.model.Crystals;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.testing.FiniteDifferences;
import org.proxima.surrogate.AccuracyMetrics;
import org.proxima.surrogate.SwTrainingData;
import org.proxima.surrogate.descriptor.AniParameters;

class LinearEnsembleTest {

    @TempDir
    Path dir;

    private static EnsembleSurrogate.FitOptions options(long version) {
        return new EnsembleSurrogate.FitOptions(version, 1, 0, 1);
    }

    @Test
    void accuracyOnHeldOutStillingerWeberFrames() {
        List<TrainingPoint> all = SwTrainingData.frames(1280);
        List<TrainingPoint> train = all.subList(0, 1024);
        List<TrainingPoint> test = all.subList(1024, 1280);
        long t0 = System.nanoTime();
        EnsembleSurrogate model = LinearEnsemble.untrained(List.of("Si"), 2, 7).fit(train, options(1)).ensemble();
        double seconds = (System.nanoTime() - t0) / 1e9;
        AccuracyMetrics m = AccuracyMetrics.of(model, test);
        System.out.println("linear ensemble, 1024 training frames (fit " + seconds + " s): " + m);
        assertTrue(m.forceMae() <= 0.15 * m.forceRms(), m.toString());
        assertTrue(m.stressMae() <= 0.20 * m.stressRms(), m.toString());
        assertTrue(m.spearman() > 0.2, m.toString());
    }

    /**
     * The finer descriptor sets exist to shrink the linear model's misfit to SW (its bias, which the ensemble's spread
     * does not see), at the studies' closer ridge (1e-8):
     * <ul>
     * <li>the extended ANI set's held-out force error must be clearly below the paper's set. Measured here: MAE ratio
     * 0.56; on the hop study's frames the max-atom error ratio is 0.61 (docs/surrogates.md). The bound 0.8 leaves
     * room for the sample (256 test frames of 63 atoms), not for a descriptor that fits no better;</li>
     * <li>SW is a sum of pair terms and three-body terms within 3.77 Å, so it lies (up to the resolution of the
     * radial Gaussians) in the span of the complete three-body basis: a linear fit on it must leave a small fraction
     * of the extended set's misfit. Measured here: MAE ratio 0.13 (0.0013 against 0.0104 eV/Å); on the pilot hop
     * frames the max-atom error ratio is 0.13 too. The bound 0.35 leaves room for the sample, not for a basis that
     * misses the three-body law. Save and load keep the product form.</li>
     * </ul>
     */
    @Test
    void finerDescriptorsFitStillingerWeberCloser() {
        List<TrainingPoint> all = SwTrainingData.frames(1280);
        List<TrainingPoint> train = all.subList(0, 1024);
        List<TrainingPoint> test = all.subList(1024, 1280);
        AccuracyMetrics paper = AccuracyMetrics.of(LinearEnsemble.untrained(AniParameters.paperDefaults(List.of("Si")),
                2, 1e-8, 7).fit(train, options(1)).ensemble(), test);
        AccuracyMetrics extended = AccuracyMetrics.of(LinearEnsemble.untrained(AniParameters.extended(List.of("Si")),
                2, 1e-8, 7).fit(train, options(1)).ensemble(), test);
        EnsembleSurrogate threeBody = LinearEnsemble.untrained(AniParameters.threeBody(List.of("Si")), 2, 1e-8, 7)
                .fit(train, options(1)).ensemble();
        AccuracyMetrics m = AccuracyMetrics.of(threeBody, test);
        System.out.println("ridge 1e-8, paper descriptors: " + paper + "; extended: " + extended
                + "; three-body: " + m);
        assertTrue(extended.forceMae() < 0.8 * paper.forceMae(), "extended " + extended + ", paper " + paper);
        assertTrue(m.forceMae() < 0.35 * extended.forceMae(), "three-body " + m + ", extended " + extended);
        Path saved = dir.resolve("three-body");
        ((LinearEnsemble) threeBody).save(saved);
        LinearEnsemble loaded = LinearEnsemble.load(saved);
        org.proxima.core.model.Structure s = test.get(0).structure();
        assertArrayEquals(threeBody.predict(s).mean().forcesEvPerA(), loaded.predict(s).mean().forcesEvPerA());
        // the product form is format version 2 (earlier builds read only 1 and refuse it by its version)
        java.util.Map<String, Object> map = threeBody.toMap();
        assertEquals(2L, ((Number) map.get("format_version")).longValue());
        map.put("format_version", 3L);
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
                () -> LinearEnsemble.fromMap(map));
        assertTrue(newer.getMessage().contains("format version 3"), newer.getMessage());
    }

    @Test
    void incrementalRefitEqualsAFreshFitAndProcessesOnlyTheNewFrame() {
        List<TrainingPoint> data = SwTrainingData.frames(301);
        LinearEnsemble fresh = LinearEnsemble.untrained(List.of("Si"), 2, 3);
        EnsembleSurrogate first = fresh.fit(data.subList(0, 300), options(1)).ensemble();
        LinearEnsemble incremental = (LinearEnsemble) first.fit(data, options(2)).ensemble();
        LinearEnsemble scratch = (LinearEnsemble) fresh.fit(data, options(2)).ensemble();
        assertEquals(1, incremental.framesAddedByLastFit());
        assertEquals(301, scratch.framesAddedByLastFit());
        // a training set that is not an extension of the previous one is accumulated from scratch
        assertEquals(300, ((LinearEnsemble) first.fit(data.subList(1, 301), options(3)).ensemble())
                .framesAddedByLastFit());
        EnsemblePrediction a = incremental.predict(data.get(5).structure());
        EnsemblePrediction b = scratch.predict(data.get(5).structure());
        for (int m = 0; m < 2; m++) {
            assertArrayEquals(b.memberForcesEvPerA(m), a.memberForcesEvPerA(m), 1e-9);
        }
    }

    /** Max |F_pred − F_label| over the components of one frame, ensemble mean, eV/Å. */
    private static double forceResidual(EnsembleSurrogate model, TrainingPoint p) {
        double[] f = model.predict(p.structure()).mean().forcesEvPerA();
        double[] label = p.result().forcesEvPerA();
        double worst = 0;
        for (int k = 0; k < f.length; k++) {
            worst = Math.max(worst, Math.abs(f[k] - label[k]));
        }
        return worst;
    }

    @Test
    void aFramesWeightActsAsItsMultiplicityInTheFit() {
        List<TrainingPoint> data = new java.util.ArrayList<>(SwTrainingData.frames(120));
        // one frame whose forces disagree with SW (scaled by 1.5): the fit can only compromise on it
        TrainingPoint odd = data.get(60);
        double[] scaled = odd.result().forcesEvPerA().clone();
        for (int k = 0; k < scaled.length; k++) {
            scaled[k] *= 1.5;
        }
        org.proxima.core.calc.CalculationResult r = new org.proxima.core.calc.CalculationResult(
                odd.result().energyEv(), scaled, odd.result().stressEvPerA3(), null);
        LinearEnsemble untrained = LinearEnsemble.untrained(List.of("Si"), 4, 3);
        double[] residual = new double[3];
        double[] weights = {1, 30, 1000};
        for (int k = 0; k < 3; k++) {
            data.set(60, new TrainingPoint(odd.structure(), r, odd.step(), weights[k]));
            residual[k] = forceResidual(untrained.fit(data, options(1)).ensemble(), data.get(60));
        }
        // ignored weights would give three equal residuals
        assertTrue(residual[1] < 0.95 * residual[0] && residual[2] < 0.7 * residual[1],
                "residual on the odd frame at weights 1, 30, 1000: " + java.util.Arrays.toString(residual));
        // only relative weights matter (the ridge is relative to the normal matrix): all weights × 4 fit the same
        List<TrainingPoint> four = data.stream().map(p -> new TrainingPoint(p.structure(), p.result(), p.step(),
                4 * p.weight())).toList();
        EnsemblePrediction a = untrained.fit(data, options(1)).ensemble().predict(data.get(5).structure());
        EnsemblePrediction b = untrained.fit(four, options(1)).ensemble().predict(data.get(5).structure());
        for (int m = 0; m < 4; m++) {
            assertArrayEquals(a.memberForcesEvPerA(m), b.memberForcesEvPerA(m), 1e-9);
        }
    }

    @Test
    void predictionsAreConsistentWithFiniteDifferences() {
        EnsembleSurrogate model = LinearEnsemble.untrained(List.of("Si"), 2, 3)
                .fit(SwTrainingData.frames(64), options(1)).ensemble();
        org.proxima.core.calc.ForceCalculator member0 = new org.proxima.core.calc.ForceCalculator() {
            @Override
            public org.proxima.core.calc.CalculationResult calculate(org.proxima.core.model.Structure s) {
                EnsemblePrediction p = model.predict(s);
                return org.proxima.core.calc.CalculationResult.of(p.memberEnergyEv(0), p.memberForcesEvPerA(0),
                        p.memberStressEvPerA3(0));
            }

            @Override
            public java.util.Set<org.proxima.core.calc.Property> implementedProperties() {
                return java.util.EnumSet.allOf(org.proxima.core.calc.Property.class);
            }
        };
        org.proxima.core.model.Structure s = SwTrainingData.frames(64).get(40).structure();
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(FiniteDifferences.forces(member0, s, 1e-5),
                member0.calculate(s).forcesEvPerA(), 1e-5, "forces");
        org.proxima.core.testing.ArrayAssertions.assertArrayClose(FiniteDifferences.stress(member0, s, 1e-6),
                member0.calculate(s).stressEvPerA3(), 1e-6, "stress");
    }

    @Test
    void saveAndLoadReproducePredictionsBitForBit() {
        EnsembleSurrogate model = LinearEnsemble.untrained(List.of("Si"), 3, 5)
                .fit(SwTrainingData.frames(80), options(4)).ensemble();
        ((LinearEnsemble) model).save(dir);
        LinearEnsemble loaded = LinearEnsemble.load(dir);
        assertEquals(4, loaded.version());
        assertEquals(3, loaded.memberCount());
        assertEquals(1L, ((Number) model.toMap().get("format_version")).longValue(), "ANI models as before");
        org.proxima.core.model.Structure s = SwTrainingData.frames(80).get(7).structure();
        EnsemblePrediction a = model.predict(s);
        EnsemblePrediction b = loaded.predict(s);
        for (int m = 0; m < 3; m++) {
            assertEquals(a.memberEnergyEv(m), b.memberEnergyEv(m), 0.0);
            assertArrayEquals(a.memberForcesEvPerA(m), b.memberForcesEvPerA(m), 0.0);
            assertArrayEquals(a.memberStressEvPerA3(m), b.memberStressEvPerA3(m), 0.0);
        }
    }

    @Test
    void badInputIsRejected() {
        LinearEnsemble fresh = LinearEnsemble.untrained(List.of("Si"), 2, 3);
        assertThrows(IllegalStateException.class, () -> fresh.predict(Crystals.diamondCubic("Si", 5.43)));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> fresh.fit(List.of(), options(1)));
        assertTrue(empty.getMessage().contains("0 training points"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> fresh.fit(SwTrainingData.frames(1), options(1)));
        EnsembleSurrogate model = fresh.fit(SwTrainingData.frames(10), options(1)).ensemble();
        IllegalArgumentException species = assertThrows(IllegalArgumentException.class,
                () -> model.predict(Crystals.diamondCubic("Ge", 5.65)));
        assertTrue(species.getMessage().contains("Ge"), species.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingPoint(Crystals.diamondCubic("Si", 5.43),
                org.proxima.core.calc.CalculationResult.of(Double.NaN, new double[24], new double[6]), 0));
    }
}
