package org.proxima.core.blend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.SyntheticEnsemble;

/**
 * The step records of seeded runs are pinned to a golden file written before the calculator was split into its
 * parts: every decision, λ, UQ, threshold, α, error, count, version and the switching work, bit for bit (wall-time
 * fields aside). Regenerate only on a deliberate change of behaviour, with
 * {@code -Dproxima.golden.write=DIR}.
 */
class GoldenRecordsTest {

    private static final String FILE = "golden/blending-records.txt";

    /** The seeded scenarios: PROXIMA+BLEND, plain PROXIMA, and frequent retraining with nested fades. */
    private static List<String> scenarios() {
        MorsePotential target = BlendingFixtures.target();
        Structure[] frames = BlendingFixtures.wander(600, 0.01, 31);
        List<String> lines = new ArrayList<>();
        int[][] settings = {{10, 40}, {1, 40}, {10, 3}, {5, 7}};
        for (int[] s : settings) {
            lines.add("# n=" + s[0] + " retrain=" + s[1]);
            try (BlendingCalculator calc = BlendingCalculator.builder(target,
                    SyntheticEnsemble.untrained(target, 2, 0.05, 2.0)).errorTarget(0.3).blendSteps(s[0])
                    .auditProbability(0.2).seed(17).retrainInterval(s[1]).initialTrainingSize(20).build()) {
                for (Structure f : frames) {
                    calc.calculate(f);
                    lines.add(line(calc.lastRecord()));
                }
            }
        }
        return lines;
    }

    private static String line(StepRecord r) {
        return r.step() + " " + r.source() + " " + r.blendIndex() + " " + r.lambda() + " " + r.uncertainty() + " "
                + r.threshold() + " " + r.alpha() + " " + r.errorEvPerA() + " " + r.audited() + " " + r.targetCalls()
                + " " + r.modelVersion() + " " + r.modelsAlive() + " " + r.blendWorkEv() + " " + r.event();
    }

    @Test
    void stepRecordsOfSeededRunsMatchTheGoldenFile() throws IOException {
        List<String> now = scenarios();
        String dir = System.getProperty("proxima.golden.write");
        if (dir != null) {
            Path out = Path.of(dir).resolve(FILE);
            Files.createDirectories(out.getParent());
            Files.write(out, now, StandardCharsets.UTF_8);
        }
        List<String> golden;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FILE)) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(golden.size(), now.size(), "records");
        for (int k = 0; k < golden.size(); k++) {
            assertEquals(golden.get(k), now.get(k), "line " + (k + 1));
        }
    }
}
