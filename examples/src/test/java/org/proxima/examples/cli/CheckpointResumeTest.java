package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.Json;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;

/**
 * Checkpoint and restart of a whole blended run: a run killed with SIGKILL in a separate JVM and resumed gives
 * exactly the files of an uninterrupted run (wall-time fields aside), with every target result kept once.
 */
class CheckpointResumeTest {

    @TempDir
    Path dir;

    private Path structure() {
        return CliFixtures.si63(dir);
    }

    private List<String> args(Path out, String surrogate, long steps) {
        List<String> a = new ArrayList<>(List.of("md", "--structure", structure().toString(), "--target", "sw",
                "--ensemble", "npt", "--temperature", "800", "--steps", Long.toString(steps), "--seed", "5",
                "--mode", "blend", "--surrogate", surrogate, "--error-target", "1.25", "--retrain-interval", "48",
                "--thermo", out.resolve("thermo.csv").toString(), "--trajectory",
                out.resolve("traj.extxyz").toString(), "--every", "7", "--step-records",
                out.resolve("steps.jsonl").toString(), "--training-set", out.resolve("training.extxyz").toString(),
                "--summary", out.resolve("summary.json").toString()));
        if (surrogate.equals("nn")) {
            a.addAll(List.of("--epochs", "3"));
        }
        return a;
    }

    private static Process start(List<String> cliArgs, Path log) throws Exception {
        return CliFixtures.startJvm(cliArgs, log);
    }

    private static List<String> with(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    /** Step records without their wall-time fields. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Path file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Map<String, Object> m = (Map<String, Object>) Json.parse(line);
            m.keySet().removeIf(k -> k.endsWith("_s"));
            out.add(m);
        }
        return out;
    }

    private void killAndResume(String surrogate, long steps, long every, long seed) throws Exception {
        interruptAndResume(surrogate, steps, every, seed, true);
    }

    private void interruptAndResume(String surrogate, long steps, long every, long seed, boolean sigkill)
            throws Exception {
        Path ref = dir.resolve(surrogate + "-reference");
        Path run = dir.resolve(surrogate + "-interrupted");
        Path ckpt = dir.resolve(surrogate + "-checkpoints");
        Files.createDirectories(ref);
        Files.createDirectories(run);
        Process p = start(args(ref, surrogate, steps), dir.resolve(surrogate + "-reference.log"));
        assertTrue(p.waitFor(600, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(
                dir.resolve(surrogate + "-reference.log")));

        Process q = start(with(args(run, surrogate, steps), "--checkpoint", ckpt.toString(), "--checkpoint-every",
                Long.toString(every)), dir.resolve(surrogate + "-interrupted.log"));
        // kill -9 at a random moment after the first checkpoint
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (!hasCheckpoint(ckpt) && q.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(new Random(seed).nextInt(200));
        assertTrue(q.isAlive(), "the run ended before it could be killed; make it longer: "
                + Files.readString(dir.resolve(surrogate + "-interrupted.log")));
        if (sigkill) {
            q.destroyForcibly();
        } else {
            q.destroy(); // SIGTERM: the run writes a checkpoint at its next step and stops
        }
        assertTrue(q.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, q.exitValue());
        if (!sigkill) {
            String log = Files.readString(dir.resolve(surrogate + "-interrupted.log"));
            assertTrue(log.contains("termination signal"), log);
            long newest = newestCheckpoint(ckpt);
            assertTrue(newest % every != 0, "a checkpoint at the stop, not at an interval: step " + newest);
        }
        // every target result made before the crash is in the training set, in order, once
        List<TrainingPoint> crashed = TrainingSet.read(run.resolve("training.extxyz"));
        List<TrainingPoint> full = TrainingSet.read(ref.resolve("training.extxyz"));
        assertTrue(crashed.size() <= full.size());
        for (int k = 0; k < crashed.size(); k++) {
            assertEquals(full.get(k).step(), crashed.get(k).step());
            assertTrue(java.util.Arrays.equals(full.get(k).result().forcesEvPerA(),
                    crashed.get(k).result().forcesEvPerA()), "point " + k);
        }

        CliRun resumed = CliRun.of(with(args(run, surrogate, steps), "--resume", ckpt.toString(), "--checkpoint-every",
                Long.toString(every)).toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String f : List.of("thermo.csv", "traj.extxyz", "training.extxyz")) {
            assertSameLines(Files.readAllLines(ref.resolve(f)), Files.readAllLines(run.resolve(f)), f);
        }
        List<Map<String, Object>> a = records(ref.resolve("steps.jsonl"));
        List<Map<String, Object>> b = records(run.resolve("steps.jsonl"));
        assertEquals(a.size(), b.size(), "step records");
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.get(k), b.get(k), "step record " + k);
        }
    }

    private static void assertSameLines(List<String> expected, List<String> actual, String file) {
        assertEquals(expected.size(), actual.size(), file + ": lines");
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), actual.get(k), file + ", line " + (k + 1));
        }
    }

    private static long newestCheckpoint(Path ckpt) throws Exception {
        try (Stream<Path> s = Files.list(ckpt)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("step-") && !n.endsWith(".tmp"))
                    .mapToLong(n -> Long.parseLong(n.substring(5))).max().orElse(-1);
        }
    }

    private static boolean hasCheckpoint(Path ckpt) throws Exception {
        return CliFixtures.hasCheckpoint(ckpt);
    }

    @Test
    void linearRunKilledWithSigkillResumesBitForBit() throws Exception {
        killAndResume("linear", 4000, 250, 1);
    }

    @Test
    void sigtermWritesACheckpointAtOnceAndTheRunResumesBitForBit() throws Exception {
        interruptAndResume("linear", 4000, 1000, 3, false);
    }

    @Test
    void neuralNetworkRunKilledWithSigkillResumesBitForBit() throws Exception {
        killAndResume("nn", 1200, 150, 2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRunStoppedDuringNestedCrossFadesResumesBitForBit() throws Exception {
        // retraining after every second target point: retrained ensembles arrive while earlier ones still fade in
        Path ref = dir.resolve("fade-ref");
        Path run = dir.resolve("fade");
        Path ckpt = dir.resolve("fade-checkpoints");
        Files.createDirectories(ref);
        Files.createDirectories(run);
        List<String> refArgs = new ArrayList<>(args(ref, "linear", 500));
        refArgs.set(refArgs.indexOf("48"), "2");
        assertEquals(0, CliRun.of(refArgs.toArray(String[]::new)).exitCode());
        List<Map<String, Object>> steps = records(ref.resolve("steps.jsonl"));
        int stop = -1;
        for (int k = 150; k < 450 && stop < 0; k++) {
            if (((Number) steps.get(k + 1).get("models_alive")).intValue() >= 3) {
                stop = k;
            }
        }
        assertTrue(stop > 0, "the reference run has a step during nested cross-fades");
        List<String> first = new ArrayList<>(args(run, "linear", stop));
        first.set(first.indexOf("48"), "2");
        assertEquals(0, CliRun.of(with(first, "--checkpoint", ckpt.toString(), "--checkpoint-every", "1000")
                .toArray(String[]::new)).exitCode());
        Path last = ckpt.resolve(String.format("step-%012d", stop));
        Map<String, Object> saved = (Map<String, Object>) Json.readFile(last.resolve("checkpoint.json"));
        Map<String, Object> fade = (Map<String, Object>) ((Map<String, Object>) saved.get("calculator")).get("fade");
        assertTrue(((List<Object>) fade.get("ensembles")).size() >= 3, "the ensembles being faded out were saved");
        List<String> second = new ArrayList<>(args(run, "linear", 500));
        second.set(second.indexOf("48"), "2");
        CliRun resumed = CliRun.of(with(second, "--resume", ckpt.toString()).toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String f : List.of("thermo.csv", "traj.extxyz", "training.extxyz")) {
            assertSameLines(Files.readAllLines(ref.resolve(f)), Files.readAllLines(run.resolve(f)), f);
        }
        List<Map<String, Object>> b = records(run.resolve("steps.jsonl"));
        assertEquals(steps.size(), b.size(), "step records");
        for (int k = 0; k < steps.size(); k++) {
            assertEquals(steps.get(k), b.get(k), "step record " + k);
        }
    }

    @Test
    void resumingWithOtherPhysicsIsRefusedUnlessAllowed() throws Exception {
        Path out = dir.resolve("opts");
        Path ckpt = dir.resolve("opts-checkpoints");
        Files.createDirectories(out);
        List<String> a = args(out, "linear", 200);
        assertEquals(0, CliRun.of(with(a, "--checkpoint", ckpt.toString(), "--checkpoint-every", "100")
                .toArray(String[]::new)).exitCode());
        List<String> hotter = new ArrayList<>(a);
        hotter.set(hotter.indexOf("800"), "900");
        hotter.set(hotter.indexOf("200"), "300");
        CliRun refused = CliRun.of(with(hotter, "--resume", ckpt.toString()).toArray(String[]::new));
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.err().contains("temperature_K"), refused.err());
        List<String> finer = new ArrayList<>(a);
        finer.set(finer.indexOf("200"), "300");
        CliRun otherDescriptors = CliRun.of(with(finer, "--descriptor", "extended", "--resume", ckpt.toString())
                .toArray(String[]::new));
        assertNotEquals(0, otherDescriptors.exitCode());
        assertTrue(otherDescriptors.err().contains("descriptor"), otherDescriptors.err());
        CliRun allowed = CliRun.of(with(hotter, "--resume", ckpt.toString(), "--allow-changed-options")
                .toArray(String[]::new));
        assertEquals(0, allowed.exitCode(), allowed.err());
        assertEquals(302, Files.readAllLines(out.resolve("thermo.csv")).size(), "continued from step 200 to 300");
    }

    @Test
    void aDamagedNewestCheckpointFallsBackToThePreviousOne() throws Exception {
        Path ref = dir.resolve("dmg-ref");
        Path run = dir.resolve("dmg");
        Path ckpt = dir.resolve("dmg-checkpoints");
        Files.createDirectories(ref);
        Files.createDirectories(run);
        assertEquals(0, CliRun.of(args(ref, "linear", 400).toArray(String[]::new)).exitCode());
        assertEquals(0, CliRun.of(with(args(run, "linear", 300), "--checkpoint", ckpt.toString(),
                "--checkpoint-every", "100").toArray(String[]::new)).exitCode());
        // checkpoints at 200 and 300 are kept; damage 300
        Path newest = ckpt.resolve(String.format("step-%012d", 300)).resolve("checkpoint.json");
        String text = Files.readString(newest);
        Files.writeString(newest, text.substring(0, text.length() / 2));
        CliRun resumed = CliRun.of(with(args(run, "linear", 400), "--resume", ckpt.toString())
                .toArray(String[]::new));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(Files.readString(ref.resolve("thermo.csv")), Files.readString(run.resolve("thermo.csv")),
                "resumed from step 200 and continued to 400 exactly");
        assertEquals(Files.readString(ref.resolve("training.extxyz")),
                Files.readString(run.resolve("training.extxyz")));
    }

}
