package org.proxima.surrogate.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.testing.TestStructures;
import org.proxima.md.potential.StillingerWeber;
import org.proxima.surrogate.descriptor.AniParameters;

/**
 * The training gradient (energy, force and virial loss, with the force term differentiated through the explicit
 * input-gradient graph and the Java adjoint) equals central finite differences of the loss.
 */
class NnGradientTest {

    /** Rattled, sheared diamond-Si cells labelled by SW (energy, forces, stress). */
    private static List<TrainingPoint> swFrames(int count, Random rng) {
        List<TrainingPoint> out = new ArrayList<>();
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            for (int k = 0; k < count; k++) {
                Structure s = TestStructures.randomTriclinic(TestStructures.rattle(Crystals.diamondCubic("Si", 5.43),
                        0.25, rng), 0.04, rng);
                CalculationResult r = sw.calculate(s);
                out.add(new TrainingPoint(s, new CalculationResult(r.energyEv(), r.forcesEvPerA(),
                        r.stressEvPerA3(), null), k));
            }
        }
        return out;
    }

    @Test
    void lossGradientMatchesFiniteDifferences() {
        AniParameters params = AniParameters.paperDefaults(List.of("Si"));
        NnSettings settings = NnSettings.defaults().withHidden(10, 7);
        Random rng = new Random(3);
        List<TrainingPoint> batch = swFrames(3, rng);
        int[] sizes = {48, 10, 7, 1};
        MlpWeights w = MlpWeights.initialise(sizes, new Well19937c(5));
        // reference energy near the data so that every loss term is in play
        NnMember member = new NnMember(List.of(w), new double[] {batch.get(0).result().energyEv() / 8 + 0.05});
        NnTrainer trainer = new NnTrainer(params, settings);
        MemberTrainer.StepResult base = trainer.lossAndGradient(member, batch);
        float[] flat = w.flatten();
        float[] grad = base.gradients()[0];
        // check the 12 largest gradient components and 8 random ones
        List<Integer> check = new ArrayList<>();
        Integer[] order = new Integer[flat.length];
        for (int k = 0; k < flat.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(Math.abs(grad[b]), Math.abs(grad[a])));
        for (int k = 0; k < 12; k++) {
            check.add(order[k]);
        }
        for (int k = 0; k < 8; k++) {
            check.add(rng.nextInt(flat.length));
        }
        double h = 3e-3;
        double worst = 0;
        for (int k : check) {
            float[] plus = flat.clone();
            float[] minus = flat.clone();
            plus[k] += (float) h;
            minus[k] -= (float) h;
            double lp = trainer.lossAndGradient(new NnMember(List.of(w.withParameters(plus)),
                    member.referenceEnergiesEv()), batch).loss();
            double lm = trainer.lossAndGradient(new NnMember(List.of(w.withParameters(minus)),
                    member.referenceEnergiesEv()), batch).loss();
            double numeric = (lp - lm) / ((double) plus[k] - minus[k]);
            double scale = Math.max(Math.abs(numeric), 0.02 * Math.abs(grad[order[0]]));
            worst = Math.max(worst, Math.abs(numeric - grad[k]) / scale);
            assertEquals(numeric, grad[k], 0.03 * scale, "parameter " + k);
        }
        assertTrue(base.loss() > 0);
        System.out.println("largest relative gradient error " + worst);
    }

    @Test
    void aFramesWeightScalesItsShareOfTheLossAndGradient() {
        AniParameters params = AniParameters.paperDefaults(List.of("Si"));
        NnSettings settings = NnSettings.defaults().withHidden(10, 7);
        List<TrainingPoint> frames = swFrames(2, new Random(4));
        MlpWeights w = MlpWeights.initialise(new int[] {48, 10, 7, 1}, new Well19937c(6));
        NnMember member = new NnMember(List.of(w), new double[] {frames.get(0).result().energyEv() / 8 + 0.05});
        NnTrainer trainer = new NnTrainer(params, settings);
        MemberTrainer.StepResult one = trainer.lossAndGradient(member, List.of(frames.get(0)));
        MemberTrainer.StepResult two = trainer.lossAndGradient(member, List.of(frames.get(1)));
        List<TrainingPoint> weighted = List.of(reweighted(frames.get(0), 3.0), reweighted(frames.get(1), 0.5));
        MemberTrainer.StepResult both = trainer.lossAndGradient(member, weighted);
        // batch of 2: (3 L₁ + 0.5 L₂) / 2, term by term in the gradient too
        assertEquals((3 * one.loss() + 0.5 * two.loss()) / 2, both.loss(), 1e-5 * both.loss());
        float[] g1 = one.gradients()[0];
        float[] g2 = two.gradients()[0];
        float[] g = both.gradients()[0];
        double scale = 0;
        for (float v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < g.length; k++) {
            assertEquals((3 * g1[k] + 0.5 * g2[k]) / 2, g[k], 1e-4 * scale, "parameter " + k);
        }
    }

    private static TrainingPoint reweighted(TrainingPoint p, double weight) {
        return new TrainingPoint(p.structure(), p.result(), p.step(), weight);
    }
}
