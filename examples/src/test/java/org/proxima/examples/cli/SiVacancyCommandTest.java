package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.Json;

class SiVacancyCommandTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void nptWithAllModesWritesProvenanceTablesRunsAndFigures() throws Exception {
        Path out = dir.resolve("npt");
        CliRun r = CliRun.of("si-vacancy", "npt", "--mode", "target,proxima,blend", "--surrogate", "linear",
                "--steps", "300", "--retrain-interval", "32", "--output", out.toString(), "--trajectory-every", "50");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> run = (Map<String, Object>) Json.readFile(out.resolve("run.json"));
        assertTrue(run.containsKey("git_commit") && run.containsKey("proxima_version"), run.toString());
        Map<String, Object> params = (Map<String, Object>) run.get("parameters");
        assertEquals("linear", params.get("surrogate"));
        assertEquals(List.of("target", "proxima", "blend"), params.get("modes"));
        String table = Files.readString(out.resolve("npt-comparison.md"));
        assertTrue(table.contains("| Target only |") && table.contains("| Proxima |")
                && table.contains("| Proxima+Blend |"), table);
        for (String f : List.of("npt-volume-trace.png", "npt-errors-all-target-steps.png", "npt-max-dvdt.png",
                "npt-runtime.png")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        for (String mode : List.of("target", "proxima", "blend")) {
            Path runDir = out.resolve("npt").resolve(mode + "-seed1");
            Map<String, Object> s = (Map<String, Object>) Json.readFile(runDir.resolve("summary.json"));
            assertEquals(300L, ((Number) s.get("steps")).longValue());
            double fractions = ((Number) s.get("fraction_target")).doubleValue()
                    + ((Number) s.get("fraction_blend")).doubleValue()
                    + ((Number) s.get("fraction_surrogate")).doubleValue();
            assertEquals(1.0, fractions, 1e-12, mode);
            List<String> thermo = Files.readAllLines(runDir.resolve("thermo.csv"));
            assertEquals(302, thermo.size());
            assertTrue(thermo.get(0).contains("source") && thermo.get(0).contains("lambda"), thermo.get(0));
        }
        assertTrue(r.out().contains("Results in"), r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void surrogateOnlyModeTrainsOnceOnAnIndependentRunWithTheBlendsMedianDataAndNeverCallsTheTarget()
            throws Exception {
        Path out = dir.resolve("frozen");
        CliRun r = CliRun.of("si-vacancy", "npt", "--mode", "blend,surrogate", "--surrogate", "linear", "--steps",
                "300", "--retrain-interval", "32", "--replicas", "3", "--output", out.toString(),
                "--trajectory-every", "0");
        assertEquals(0, r.exitCode(), r.err());
        double[] sizes = new double[3];
        for (int k = 0; k < 3; k++) {
            Map<String, Object> s = (Map<String, Object>) Json.readFile(out.resolve("npt/blend-seed" + (k + 1))
                    .resolve("summary.json"));
            sizes[k] = ((Number) s.get("training_points")).doubleValue();
            assertEquals(((Number) s.get("target_calls")).doubleValue(), sizes[k], "one point per target call");
            assertTrue(s.containsKey("controller_condition"), s.toString());
        }
        java.util.Arrays.sort(sizes);
        Path training = out.resolve("npt/surrogate-training-seed9001");
        Map<String, Object> frozen = (Map<String, Object>) Json.readFile(training.resolve(
                "frozen-surrogate.json"));
        assertEquals((long) sizes[1], ((Number) frozen.get("frames")).longValue(), "N = the blend's median");
        Map<String, Object> trainingRun = (Map<String, Object>) Json.readFile(training.resolve("summary.json"));
        assertEquals(9001L, ((Number) trainingRun.get("seed")).longValue(), "an independent run");
        assertEquals("target", trainingRun.get("mode"));
        for (int k = 1; k <= 3; k++) {
            Map<String, Object> s = (Map<String, Object>) Json.readFile(out.resolve("npt/surrogate-seed" + k)
                    .resolve("summary.json"));
            assertEquals(0L, ((Number) s.get("target_calls")).longValue());
            assertEquals(1.0, ((Number) s.get("fraction_surrogate")).doubleValue());
            assertEquals(300L, ((Number) s.get("steps")).longValue());
            assertFalse(Files.exists(out.resolve("npt/surrogate-seed" + k).resolve("training.extxyz")),
                    "no training during the run");
        }
        String table = Files.readString(out.resolve("npt-comparison.md"));
        assertTrue(table.contains("| Surrogate only | 3 |"), table);
        Map<String, Object> json = (Map<String, Object>) Json.readFile(out.resolve("npt-comparison.json"));
        assertEquals(List.of("blend", "surrogate"), ((List<Map<String, Object>>) json.get("modes")).stream()
                .map(m -> m.get("mode")).toList());
    }

    @Test
    void tableWithoutTargetOnlyRunsShowsNoDifferencesOrSpeedups() throws Exception {
        Path out = dir.resolve("blend-only");
        CliRun r = CliRun.of("si-vacancy", "npt", "--mode", "blend", "--surrogate", "linear", "--steps", "200",
                "--retrain-interval", "32", "--output", out.toString(), "--trajectory-every", "0");
        assertEquals(0, r.exitCode(), r.err());
        String table = Files.readString(out.resolve("npt-comparison.md"));
        String row = table.lines().filter(l -> l.startsWith("| Proxima+Blend |")).findFirst().orElseThrow();
        assertFalse(row.contains("NaN"), row);
        assertTrue(row.endsWith("| – |"), row);
        assertTrue(table.contains("No target-only runs"), table);
    }

    @Test
    void badInputStopsBeforeAnyWorkWithOneLine() throws Exception {
        Path out = dir.resolve("never");
        for (String[] args : List.of(
                new String[] {"si-vacancy", "npt", "--mode", "sometimes", "--output", out.toString()},
                new String[] {"si-vacancy", "npt", "--surrogate", "gp", "--output", out.toString()},
                new String[] {"si-vacancy", "npt", "--target", "dft", "--output", out.toString()},
                new String[] {"si-vacancy", "hops", "--replicas", "0", "--output", out.toString()},
                new String[] {"si-vacancy", "hops", "--retrain-growth", "-1", "--output", out.toString()},
                new String[] {"si-vacancy", "hops", "--ridge", "-1", "--output", out.toString()})) {
            CliRun r = CliRun.of(args);
            assertNotEquals(0, r.exitCode(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("proxima: error: "), r.err());
            assertFalse(Files.exists(out), "no work before the error: " + String.join(" ", args));
        }
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        CliRun notWritable = CliRun.of("si-vacancy", "npt", "--output", file.resolve("sub").toString());
        assertNotEquals(0, notWritable.exitCode());
        assertTrue(notWritable.err().contains("is a file, not a directory"), notWritable.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void mdRunsAnyStructureBlended() throws Exception {
        Path in = dir.resolve("si64.extxyz");
        assertEquals(0, CliRun.of("build", "si-diamond", "--repeat", "2", "--output", in.toString()).exitCode());
        Path summary = dir.resolve("md/summary.json");
        Path records = dir.resolve("md/steps.jsonl");
        Path training = dir.resolve("md/training.extxyz");
        CliRun missing = CliRun.of("md", "--structure", in.toString(), "--ensemble", "bussi", "--temperature", "1000",
                "--steps", "10", "--mode", "blend");
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.err().contains("--error-target"), missing.err());
        CliRun r = CliRun.of("md", "--structure", in.toString(), "--target", "sw", "--ensemble", "bussi",
                "--temperature", "1000", "--steps", "200", "--mode", "blend", "--surrogate", "linear",
                "--error-target", "1.25", "--retrain-interval", "32", "--summary", summary.toString(),
                "--step-records", records.toString(), "--training-set", training.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> s = (Map<String, Object>) Json.readFile(summary);
        assertEquals("blend", s.get("mode"));
        assertEquals(201, Files.readAllLines(records).size());
        long targetCalls = ((Number) s.get("target_calls")).longValue();
        assertTrue(targetCalls >= 32 && targetCalls < 201, "the surrogate took over some steps: " + targetCalls);
        assertEquals(targetCalls, org.proxima.core.training.TrainingSet.read(training).size(),
                "every target result is in the training set, once");
    }
}
