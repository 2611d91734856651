package org.proxima.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library-level run as the embedding example uses it: NVT and NPT, checkpoints, resume, step records. */
class BlendedRunExampleTest {

    @TempDir
    Path dir;

    @Test
    void thermostattedRunStopsAndResumesIntoTheSameFilesAsAnUninterruptedOne() throws Exception {
        BlendedRunExample.Outcome whole = BlendedRunExample.run(dir.resolve("whole"), BlendedRunExample.nvt(), 1573,
                600, 4);
        // the same run in two invocations: 400 steps, then resumed from its checkpoint to 600
        BlendedRunExample.run(dir.resolve("split"), BlendedRunExample.nvt(), 1573, 400, 4);
        BlendedRunExample.Outcome resumed = BlendedRunExample.run(dir.resolve("split"), BlendedRunExample.nvt(),
                1573, 600, 4);
        assertEquals(200, resumed.result().stepsDone(), "continued from the checkpoint at step 400");
        assertEquals(Files.readAllLines(dir.resolve("whole/thermo.csv")),
                Files.readAllLines(dir.resolve("split/thermo.csv")));
        assertEquals(Files.readAllLines(dir.resolve("whole/training.extxyz")),
                Files.readAllLines(dir.resolve("split/training.extxyz")));
        List<Map<String, Object>> a = whole.records();
        List<Map<String, Object>> b = resumed.records();
        assertEquals(601, a.size(), "one record per call, step 0 included");
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            a.get(k).keySet().removeIf(key -> key.endsWith("_s"));
            b.get(k).keySet().removeIf(key -> key.endsWith("_s"));
            assertEquals(a.get(k), b.get(k), "record " + k);
        }
        long surrogate = a.stream().filter(r -> "SURROGATE".equals(r.get("source"))).count();
        assertTrue(surrogate > 100, "the surrogate took over steps: " + surrogate);
    }

    @Test
    void nptRunWritesEveryOutputAndItsSummary() throws Exception {
        BlendedRunExample.Outcome o = BlendedRunExample.run(dir.resolve("npt"), BlendedRunExample.npt(), 800, 300, 5);
        assertTrue(o.result().completed());
        assertEquals(301, o.records().size());
        for (String f : List.of("thermo.csv", "trajectory.extxyz", "steps.jsonl", "training.extxyz", "summary.json")) {
            assertTrue(Files.size(dir.resolve("npt").resolve(f)) > 0, f);
        }
        assertTrue(Files.isDirectory(dir.resolve("npt/checkpoints/step-000000000300")));
        assertTrue(Files.readString(dir.resolve("npt/summary.json")).contains("\"controller_condition\""));
    }
}
