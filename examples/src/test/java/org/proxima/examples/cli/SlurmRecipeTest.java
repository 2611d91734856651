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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.Json;

/**
 * The Slurm job-array recipe of docs/user-guide.md, run as written (its {@code mkdir} and {@code bin/proxima}
 * lines, read from the guide) with the SW target, a few hundred steps, and SIGTERM in place of the wall-time limit:
 * the first task starts at step 0 and is stopped with a checkpoint, the second continues to the end, a third finds
 * the run finished. Each task's exit status and summary are what the recipe's last line relies on.
 */
class SlurmRecipeTest {

    private static final Path GUIDE = Path.of("..", "docs", "user-guide.md");

    @TempDir
    Path dir;

    /** The recipe's command lines (comments and #SBATCH lines dropped, continuations joined). */
    private static List<String> recipe() throws Exception {
        String text = Files.readString(GUIDE);
        int start = text.indexOf("```bash", text.indexOf("A Slurm job array"));
        String block = text.substring(start + 7, text.indexOf("```", start + 7));
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : block.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            lines.add(current.append(l).toString());
            current.setLength(0);
        }
        return lines;
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("the recipe has no line starting with " + prefix + ": " + lines));
    }

    /** The proxima command's arguments with $out substituted and the test's target and length. */
    private List<String> proximaArgs(List<String> lines, Path out) {
        String cmd = line(lines, "bin/proxima ").substring("bin/proxima ".length()).replace("$out", out.toString())
                .replace("\"", "");
        List<String> args = new ArrayList<>(List.of(cmd.split("\\s+")));
        args.set(args.indexOf("--target") + 1, "sw");
        // test scale: a short hop run at a given volume (no reference NPT run), linear surrogate
        args.addAll(List.of("--steps", "6000", "--surrogate", "linear", "--volume", "1280.8", "--trajectory-every", "0"));
        args.set(args.indexOf("--checkpoint-every") + 1, "100");
        return args;
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(Path out) throws Exception {
        return (Map<String, Object>) Json.readFile(out.resolve("hops").resolve("blend-seed1").resolve("summary.json"));
    }

    @Test
    void theJobArrayRecipeStartsStopsContinuesAndFinishes() throws Exception {
        List<String> lines = recipe();
        Path out = dir.resolve("runs").resolve("hops-blend");
        String mkdir = line(lines, "mkdir -p ");
        assertEquals("mkdir -p \"$out/checkpoints\"", mkdir, "the recipe creates the checkpoint directory");
        Files.createDirectories(out.resolve("checkpoints"));
        List<String> args = proximaArgs(lines, out);
        assertTrue(args.contains("--resume"), args.toString());

        // task 1: starts at step 0 (the directory is empty), stopped by SIGTERM after its first checkpoint
        Path runCheckpoints = out.resolve("checkpoints").resolve("hops").resolve("blend-seed1");
        Process first = CliFixtures.startJvm(args, dir.resolve("task1.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!CliFixtures.hasCheckpoint(runCheckpoints) && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(first.isAlive(), "task 1 ended before its wall-time limit: " + Files.readString(
                dir.resolve("task1.log")));
        first.destroy(); // SIGTERM, as --signal=TERM@120
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        String log1 = Files.readString(dir.resolve("task1.log"));
        assertNotEquals(0, first.exitValue(), log1);
        assertTrue(summary(out).containsKey("error"), "the recipe's grep sees the stop: " + summary(out));

        // task 2: the same line continues from the checkpoint to the end
        CliRun second = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, second.exitCode(), second.err());
        Map<String, Object> done = summary(out);
        assertFalse(done.containsKey("error"), done.toString());
        assertEquals(6000L, ((Number) done.get("steps")).longValue());

        // task 3 (the array was not cancelled in time): the finished run is read back, exit 0
        CliRun third = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, third.exitCode(), third.err());
        assertEquals(done.get("target_calls"), summary(out).get("target_calls"));
    }
}
