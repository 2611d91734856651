package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.io.Json;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.TestStructures;

/**
 * What {@code --resume} does with its directory: a missing one is a mistake, an empty one a first start, damaged
 * checkpoints are never overwritten and never silently replaced by a fresh start, a request below the checkpoint's
 * step is refused, and a resume with a changed structure records the state actually run.
 */
class ResumePolicyTest {

    @TempDir
    Path dir;

    private Path structure(String name, double rattle) {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            Structure s = Crystals.diamondVacancy("Si", 5.43);
            ExtXyzWriter.writeAll(p, List.of(Frame.of(rattle > 0 ? TestStructures.rattle(s, rattle, new Random(4))
                    : s)));
        }
        return p;
    }

    private List<String> md(String structure, long steps, String... more) {
        List<String> a = new ArrayList<>(List.of("md", "--structure", structure(structure, 0).toString(),
                "--ensemble", "langevin", "--temperature", "900", "--steps", Long.toString(steps), "--seed", "3",
                "--checkpoint-every", "20", "--thermo", dir.resolve("thermo.csv").toString(), "--summary",
                dir.resolve("summary.json").toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> list(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMissingDirectoryIsAMistakeAndAnEmptyOneAFirstStart() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        CliRun typo = run(md("a.extxyz", 40, "--resume", ckpt.toString()));
        assertEquals(1, typo.exitCode());
        assertTrue(typo.err().contains("does not exist") && typo.err().contains("mkdir -p"), typo.err());
        assertFalse(Files.exists(ckpt), "nothing created");
        assertFalse(Files.exists(dir.resolve("thermo.csv")), "nothing run");

        Files.createDirectories(ckpt);
        CliRun first = run(md("a.extxyz", 40, "--resume", ckpt.toString()));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of("step-000000000020", "step-000000000040"), list(ckpt));
        assertEquals(42, Files.readAllLines(dir.resolve("thermo.csv")).size());

        CliRun below = run(md("a.extxyz", 30, "--resume", ckpt.toString()));
        assertEquals(1, below.exitCode());
        assertTrue(below.err().contains("step 40") && below.err().contains("past the 30 steps"), below.err());

        CliRun fresh = run(md("a.extxyz", 40, "--checkpoint", ckpt.toString()));
        assertEquals(1, fresh.exitCode(), "a new run would overwrite the checkpoints");
        assertTrue(fresh.err().contains("already holds checkpoints"), fresh.err());
    }

    @Test
    void everyCheckpointDamagedIsRefusedUntouchedUnlessStartingOverIsAsked() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        assertEquals(0, run(md("a.extxyz", 40, "--checkpoint", ckpt.toString())).exitCode());
        Path c20 = ckpt.resolve("step-000000000020").resolve("checkpoint.json");
        Path c40 = ckpt.resolve("step-000000000040").resolve("checkpoint.json");
        Files.writeString(c20, Files.readString(c20).replace("\"step\"", "\"stop\""));
        String damaged40 = Files.readString(c40).substring(0, 100);
        Files.writeString(c40, damaged40);

        CliRun refused = run(md("a.extxyz", 60, "--resume", ckpt.toString()));
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("No usable checkpoint") && refused.err().contains("--resume-or-start"),
                refused.err());
        assertEquals(damaged40, Files.readString(c40), "the damaged checkpoints are left as they were");
        assertEquals(List.of("step-000000000020", "step-000000000040"), list(ckpt));

        CliRun over = run(md("a.extxyz", 60, "--resume", ckpt.toString(), "--resume-or-start"));
        assertEquals(0, over.exitCode(), over.err());
        List<String> now = list(ckpt);
        assertEquals(3, now.size(), now.toString());
        assertTrue(now.get(0).startsWith("damaged-"), now.toString());
        Path aside = ckpt.resolve(now.get(0));
        assertEquals(List.of("step-000000000020", "step-000000000040"), list(aside));
        assertEquals(damaged40, Files.readString(aside.resolve("step-000000000040").resolve("checkpoint.json")));
        assertEquals(62, Files.readAllLines(dir.resolve("thermo.csv")).size(), "started over at step 0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResumeWithAnotherStructureRecordsTheStateActuallyRun() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Path other = structure("b.extxyz", 0.05);
        assertEquals(0, run(md("a.extxyz", 40, "--checkpoint", ckpt.toString())).exitCode());
        List<String> withB = md("a.extxyz", 60, "--resume", ckpt.toString(), "--allow-changed-options");
        withB.set(withB.indexOf("--structure") + 1, other.toString());
        CliRun changed = run(withB);
        assertEquals(0, changed.exitCode(), changed.err());
        Map<String, Object> saved = (Map<String, Object>) ((Map<String, Object>) Json.parse(Files.readString(
                ckpt.resolve("step-000000000060").resolve("checkpoint.json")))).get("physical_options");
        assertEquals(structure("a.extxyz", 0).toString(), saved.get("structure"),
                "the checkpointed state came from a.extxyz");
        CliRun again = run(md("a.extxyz", 80, "--resume", ckpt.toString()));
        assertEquals(0, again.exitCode(), "resuming with the structure actually run needs no override: "
                + again.err());
    }

    @Test
    void resumeOrStartNeedsResume() {
        CliRun r = run(md("a.extxyz", 10, "--resume-or-start"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("--resume-or-start needs --resume"), r.err());
    }

    /** The target-call cap (a DFT budget) stops the run at the call after it, keeps its checkpoints, counts across resumes. */
    @Test
    void theTargetCallCapStopsTheRunAndCountsAcrossResumes() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        Files.createDirectories(ckpt);
        // target-only run: one target call for the initial forces and one per step
        CliRun capped = run(md("a.extxyz", 100, "--resume", ckpt.toString(),
                "--max-target-calls", "30"));
        assertEquals(1, capped.exitCode());
        assertTrue(capped.err().contains("cap of 30 target calls"), capped.err());
        assertEquals(List.of("step-000000000020"), list(ckpt), "checkpoints kept");

        // resumed from step 20 (21 calls made): the cap of 65 is reached at step 65
        CliRun more = run(md("a.extxyz", 100, "--resume", ckpt.toString(),
                "--max-target-calls", "65"));
        assertEquals(1, more.exitCode());
        assertTrue(more.err().contains("cap of 65 target calls"), more.err());
        assertTrue(list(ckpt).contains("step-000000000060") && !list(ckpt).contains("step-000000000080"),
                list(ckpt).toString());

        CliRun done = run(md("a.extxyz", 100, "--resume", ckpt.toString(),
                "--max-target-calls", "101"));
        assertEquals(0, done.exitCode(), done.err());
        assertEquals(102, Files.readAllLines(dir.resolve("thermo.csv")).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) Json.parse(Files.readString(dir.resolve("summary.json")));
        assertEquals(101L, ((Number) summary.get("target_calls")).longValue(), summary.toString());

        CliRun zero = run(md("a.extxyz", 40, "--max-target-calls", "0"));
        assertNotEquals(0, zero.exitCode());
        assertTrue(zero.err().contains("≥ 1, got 0"), zero.err());
    }
}
