package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.MorsePotential;

class StepRecordOutputTest {

    @TempDir
    Path dir;

    @Test
    void jsonLinesAndSummaryAgreeWithTheRecords() throws Exception {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(200, 0.005, 21);
        Path file = dir.resolve("steps.jsonl");
        StepSummary summary = new StepSummary();
        try (StepRecordWriter writer = StepRecordWriter.create(file, 1);
                BlendingCalculator calc = BlendingCalculator.builder(target, BlendingFixtures.trained(target))
                        .errorTarget(0.4).blendSteps(4).auditProbability(0.2).seed(3).retrainInterval(50)
                        .listener(writer).listener(summary).build()) {
            for (Structure s : frames) {
                calc.calculate(s);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(200, lines.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) Json.parse(lines.get(199));
        assertEquals(199L, last.get("step"));
        assertEquals(summary.targetCalls(), last.get("target_calls"));
        long counted = 0;
        for (Source s : Source.values()) {
            counted += summary.count(s);
        }
        assertEquals(200, counted);
        assertEquals(1.0, summary.fraction(Source.TARGET) + summary.fraction(Source.BLEND)
                + summary.fraction(Source.SURROGATE), 1e-12);
        assertTrue(summary.fraction(Source.SURROGATE) > 0, "surrogate used");
        Map<String, Object> m = summary.toMap(0.4);
        assertEquals(0.4, m.get("error_target_eV_per_A"));
        double[] e = summary.errors();
        assertEquals(StepSummary.mean(e), (Double) m.get("error_mean_eV_per_A"), 0);
        assertEquals(3.0, StepSummary.median(new double[] {5, 1, 3}));
        assertEquals(2.5, StepSummary.median(new double[] {4, 1, 3, 2}));
    }
}
