package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.OffsetEnsemble;
import org.proxima.core.training.TrainingSet;

/** Importance weights of the training points: 1/p for an audit, 1 otherwise; kept in the training file. */
class TrainingWeightsTest {

    @TempDir
    Path dir;

    /** Runs 600 steps with adaptive audits (the probability moves between 0.3 and 0.02); returns records by step. */
    private Map<Long, StepRecord> run(TrainingWeights weights, Path file) {
        MorsePotential target = BlendingFixtures.target();
        Map<Long, StepRecord> records = new HashMap<>();
        try (BlendingCalculator calc = BlendingCalculator.builder(target,
                OffsetEnsemble.trained(target, 0.1, 0.1, 0.05)).controller(new ScriptedController(k -> k % 7 != 3))
                .auditPolicy(new AdaptiveAuditPolicy(1.0, 0.02, 0.3, 20)).blendSteps(3).seed(5)
                .trainingWeights(weights).trainingSet(TrainingSet.createFile(file)).retrainInterval(1_000_000)
                .listener(r -> records.put(r.step(), r)).build()) {
            for (int k = 0; k < 600; k++) {
                calc.calculate(BlendingFixtures.BASE);
            }
        }
        return records;
    }

    @Test
    void anAuditWeighsTheStepsItStandsForAndTheFileKeepsTheWeights() {
        Path file = dir.resolve("training.extxyz");
        Map<Long, StepRecord> records = run(TrainingWeights.IMPORTANCE, file);
        List<TrainingPoint> points = TrainingSet.read(file);
        int audits = 0;
        int others = 0;
        double smallest = 1;
        for (TrainingPoint p : points) {
            StepRecord r = records.get(p.step());
            if (r.audited()) {
                assertEquals(1 / r.auditProbability(), p.weight(), 0.0, "step " + p.step()); // exact round trip
                smallest = Math.min(smallest, r.auditProbability());
                audits++;
            } else {
                assertEquals(1.0, p.weight(), 0.0, "step " + p.step() + " (target ran anyway)");
                others++;
            }
        }
        assertTrue(audits >= 10 && others > 50, audits + " audits, " + others + " other target steps");
        assertEquals(0.02, smallest, 1e-12, "the policy reached its floor, so the weights span 1/0.3 to 1/0.02");
    }

    @Test
    void uniformWeightsAreAllOneAndWriteNoKey() throws IOException {
        Path file = dir.resolve("uniform.extxyz");
        run(TrainingWeights.UNIFORM, file);
        assertTrue(TrainingSet.read(file).stream().allMatch(p -> p.weight() == 1.0));
        assertTrue(!Files.readString(file).contains(TrainingSet.WEIGHT_KEY));
    }

    @Test
    void badWeightsAreRefusedNamingTheValue() throws IOException {
        MorsePotential target = BlendingFixtures.target();
        CalculationResult r = target.calculate(BlendingFixtures.BASE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingPoint(BlendingFixtures.BASE, r, 4, 0.0));
        assertTrue(e.getMessage().contains("weight 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrainingPoint(BlendingFixtures.BASE, r, 4, Double.NaN));
        Path file = dir.resolve("bad.extxyz");
        try (TrainingSet set = TrainingSet.createFile(file)) {
            set.add(new TrainingPoint(BlendingFixtures.BASE, r, 4, 2.5));
        }
        Files.writeString(file, Files.readString(file).replace("training_weight=2.5", "training_weight=-2.5"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainingSet.read(file));
        assertTrue(e.getMessage().contains("training_weight=-2.5"), e.getMessage());
    }
}
