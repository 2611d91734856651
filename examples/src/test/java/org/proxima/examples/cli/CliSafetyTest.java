package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.Json;

/**
 * Nothing lost, nothing silent: outputs never overwrite inputs or each other, whole files are replaced only when
 * complete, output locations are checked before step 0 with the reason, sanity checks on what users ask for, and
 * every error names the option or the value.
 */
class CliSafetyTest {

    @TempDir
    Path dir;

    private Path structure() {
        return CliFixtures.si63(dir);
    }

    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void evaluateNeverDestroysItsInputAndReplacesItsOutputOnlyWhenComplete() throws Exception {
        Path in = structure();
        String original = Files.readString(in);
        CliRun same = cli("evaluate", "--calculator", "sw", "--input", in.toString(), "--output", in.toString());
        assertEquals(1, same.exitCode());
        assertTrue(same.err().contains("--output") && same.err().contains("same file as --input"), same.err());
        assertEquals(original, Files.readString(in), "the input is untouched");

        // two frames, the second broken: the run fails after writing the first, the old output stays whole
        Path out = dir.resolve("out.extxyz");
        Files.writeString(out, "previous results\n");
        Path broken = dir.resolve("broken.extxyz");
        Files.writeString(broken, original + original.replaceFirst("\nSi ([-0-9.]+) ", "\nSi nan "));
        CliRun failed = cli("evaluate", "--calculator", "sw", "--input", broken.toString(), "--output",
                out.toString());
        assertEquals(1, failed.exitCode(), failed.out());
        assertEquals("previous results\n", Files.readString(out), "a failed evaluate leaves the old output");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part.extxyz")), "no temp left");
        }

        Path empty = dir.resolve("empty.extxyz");
        Files.writeString(empty, "");
        CliRun none = cli("evaluate", "--calculator", "sw", "--input", empty.toString(), "--output",
                dir.resolve("e.extxyz").toString());
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("holds no frames"), none.err());
        assertFalse(Files.exists(dir.resolve("e.extxyz")));
    }

    @Test
    void mdRefusesOutputsThatCollideAndUnwritableLocationsBeforeStepZero() throws Exception {
        Path thermo = dir.resolve("t.csv");
        CliRun collide = cli("md", "--structure", structure().toString(), "--steps", "5", "--thermo",
                thermo.toString(), "--summary", thermo.toString());
        assertEquals(1, collide.exitCode());
        assertTrue(collide.err().contains("--summary") && collide.err().contains("--thermo"), collide.err());
        CliRun overInput = cli("md", "--structure", structure().toString(), "--steps", "5", "--trajectory",
                structure().toString());
        assertEquals(1, overInput.exitCode());
        assertTrue(overInput.err().contains("would destroy the input"), overInput.err());

        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        CliRun parentIsFile = cli("md", "--structure", structure().toString(), "--steps", "5", "--thermo",
                thermo.toString(), "--summary", file.resolve("summary.json").toString());
        assertEquals(1, parentIsFile.exitCode());
        assertTrue(parentIsFile.err().contains("is a file, not a directory"), parentIsFile.err());
        assertFalse(Files.exists(thermo), "refused before step 0: nothing was run");
        CliRun checkpointIsFile = cli("md", "--structure", structure().toString(), "--steps", "5", "--thermo",
                thermo.toString(), "--checkpoint", file.toString());
        assertEquals(1, checkpointIsFile.exitCode());
        assertTrue(checkpointIsFile.err().contains("is a file, not a directory"), checkpointIsFile.err());
        assertFalse(Files.exists(thermo));
        CliRun summaryIsDir = cli("md", "--structure", structure().toString(), "--steps", "5", "--summary",
                dir.toString());
        assertEquals(1, summaryIsDir.exitCode());
        assertTrue(summaryIsDir.err().contains("is a directory, not a file"), summaryIsDir.err());
    }

    @Test
    void buildSaysWhatItWroteAndRefusesWhatWouldNotFit() throws Exception {
        CliRun twice = cli("build", "si-diamond", "--vacancy", "0,0", "--output", dir.resolve("d.xyz").toString());
        assertEquals(1, twice.exitCode());
        assertTrue(twice.err().contains("--vacancy lists atom 0 twice"), twice.err());
        CliRun outside = cli("build", "si-diamond", "--vacancy", "8", "--output", dir.resolve("d.xyz").toString());
        assertEquals(1, outside.exitCode());
        assertTrue(outside.err().contains("0 to 7"), outside.err());
        CliRun two = cli("build", "si-diamond", "--vacancy", "0,3", "--output", dir.resolve("d.xyz").toString());
        assertEquals(0, two.exitCode(), two.err());
        assertTrue(two.out().contains("Wrote 6 Si atoms") && two.out().contains("2 vacancies"), two.out());

        assertThrows(IllegalArgumentException.class, () -> BuildCommand.SiDiamond.checkMemory(64_000_000L,
                6L << 30));
        BuildCommand.SiDiamond.checkMemory(64_000_000L, 16L << 30);
    }

    /** The memory estimate under a small heap: refused at once with the numbers, no stack trace. */
    @Test
    void aSupercellTooLargeForTheHeapIsRefusedBeforeAllocating() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), ProximaCli.class.getName(), "build",
                "si-diamond", "--repeat", "40", "--output", dir.resolve("big.xyz").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("512,000 atoms") && out.contains("MiB of heap"), out);
        assertFalse(out.contains("OutOfMemoryError") || out.contains("\tat "), out);
        assertFalse(Files.exists(dir.resolve("big.xyz")));
    }

    @Test
    void aBlownUpRunFailsNamingTheStepAndKeepsItsOutput() throws Exception {
        Path thermo = dir.resolve("t.csv");
        CliRun r = cli("md", "--structure", structure().toString(), "--steps", "200", "--timestep", "20",
                "--temperature", "3000", "--thermo", thermo.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("blew up at step"), r.err());
        assertTrue(Files.readAllLines(thermo).size() >= 2, "the output so far is kept");
    }

    @Test
    void optionErrorsNameTheOption() {
        for (String[] bad : List.of(new String[] {"--steps", "-1"}, new String[] {"--every", "0"},
                new String[] {"--thermo-every", "0"}, new String[] {"--equilibration-steps", "-3"})) {
            List<String> a = new ArrayList<>(List.of("md", "--structure", structure().toString()));
            if (!bad[0].equals("--steps")) {
                a.addAll(List.of("--steps", "5"));
            }
            a.addAll(List.of(bad));
            CliRun r = CliRun.of(a.toArray(String[]::new));
            assertEquals(1, r.exitCode());
            assertTrue(r.err().contains(bad[0] + " must be ≥") && r.err().contains(bad[1]), r.err());
        }
        for (String n : List.of("0", "1")) {
            CliRun r = cli("md", "--structure", structure().toString(), "--steps", "5", "--mode", "blend",
                    "--error-target", "0.3", "--surrogate", "linear", "--blend-steps", n);
            assertEquals(1, r.exitCode());
            assertTrue(r.err().contains("--blend-steps " + n) && r.err().contains("hard switch"), r.err());
        }
        CliRun study = cli("si-vacancy", "npt", "--blend-steps", "1", "--output", dir.resolve("s").toString());
        assertNotEquals(0, study.exitCode());
        assertTrue(study.err().contains("--blend-steps 1"), study.err());
        CliRun timeout = cli("md", "--structure", structure().toString(), "--steps", "5", "--cp2k-startup-timeout",
                "0");
        assertEquals(1, timeout.exitCode());
        assertTrue(timeout.err().contains("--cp2k-startup-timeout must be a positive number"), timeout.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void summariesHoldOnlyWhatAppliesAndCsvHasNoNaN() throws Exception {
        Path summary = dir.resolve("s.json");
        Path thermo = dir.resolve("t.csv");
        assertEquals(0, cli("md", "--structure", structure().toString(), "--steps", "20", "--ensemble", "langevin",
                "--temperature", "900", "--summary", summary.toString(), "--thermo", thermo.toString()).exitCode());
        Map<String, Object> s = (Map<String, Object>) Json.readFile(summary);
        for (String absent : List.of("surrogate", "error_target_eV_per_A", "retrain_interval", "blend_steps",
                "controller", "max_abs_dVdt_A3_per_fs", "volume_se_A3", "first_trained_step")) {
            assertFalse(s.containsKey(absent), absent + " does not apply to a target-only NVT run: " + s.keySet());
        }
        assertEquals("target", s.get("mode"));
        Path blended = dir.resolve("b.csv");
        assertEquals(0, cli("md", "--structure", structure().toString(), "--steps", "30", "--ensemble", "langevin",
                "--temperature", "900", "--mode", "blend", "--surrogate", "linear", "--error-target", "0.3",
                "--retrain-interval", "10", "--thermo", blended.toString(), "--summary", summary.toString())
                .exitCode());
        String csv = Files.readString(blended);
        assertFalse(csv.contains("NaN"), "missing values are empty in CSV");
        Map<String, Object> b = (Map<String, Object>) Json.readFile(summary);
        assertEquals(0.3, b.get("error_target_eV_per_A"));
        assertEquals(0L, b.get("retraining_failures"));
    }
}
