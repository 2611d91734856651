package org.proxima.cp2k;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculatorSetupException;
import org.proxima.core.model.Crystals;
import org.proxima.core.testing.ExternalTool;

/**
 * No path leaves a child process behind: fake CP2K shells (shell scripts that record their pids and those of their
 * children) that never answer, that die in the middle of an answer, and that are started through an MPI launcher.
 * Needs no CP2K.
 */
class Cp2kProcessHygieneTest {

    private static final Duration STARTUP = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private Path script(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/fake-shells/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private Cp2kCalculator.Builder fake(Path pids, String... command) {
        return Cp2kCalculator.builder().command(command).workDirectory(dir.resolve("work"))
                .environment("PROXIMA_TEST_PIDS", pids.toString()).startupTimeout(STARTUP);
    }

    /** Every pid the fakes recorded, after waiting briefly for the kernel to reap them. */
    private static List<Long> alive(Path pids) throws Exception {
        List<Long> recorded = Files.readAllLines(pids).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
        assertTrue(!recorded.isEmpty(), "the fake shell recorded its pid");
        List<Long> left = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (long pid : recorded) {
            while (running(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            if (running(pid)) {
                left.add(pid);
            }
        }
        return left;
    }

    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String s = Files.readString(stat);
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z'; // a zombie has exited
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aStartUpThatNeverAnswersIsKilledWithItsChildrenAndSoIsTheRetry() throws Exception {
        Path pids = dir.resolve("pids");
        Path sh = script("never-answers.sh");
        long t0 = System.nanoTime();
        try (Cp2kCalculator c = fake(pids, "sh", sh.toString()).retries(1).build()) {
            Cp2kTimeoutException e = assertThrows(Cp2kTimeoutException.class,
                    () -> c.calculate(Crystals.diamondCubic("Si", 5.43)));
            assertTrue(e.getMessage().contains("start-up") && e.getMessage().contains("1.5 s"), e.getMessage());
            assertEquals(-1, c.pid());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 15, "two start-ups of 1.5 s each took " + seconds + " s");
        assertEquals(4, Files.readAllLines(pids).size(), "two attempts, each a shell and its child");
        assertEquals(List.of(), alive(pids), "processes left running");
    }

    @Test
    void aShellThatDiesMidAnswerIsReapedAndRetriedOnce() throws Exception {
        Path pids = dir.resolve("pids");
        Path sh = script("dies-mid-answer.sh");
        try (Cp2kCalculator c = fake(pids, "sh", sh.toString()).retries(1).build()) {
            Cp2kProcessException e = assertThrows(Cp2kProcessException.class,
                    () -> c.calculate(Crystals.diamondCubic("Si", 5.43)));
            assertTrue(e.getMessage().contains("EVAL_EF") && e.getMessage().contains("exit code 3"), e.getMessage());
            assertEquals(1, c.restarts());
        }
        assertEquals(2, Files.readAllLines(pids).size(), "the first attempt and the retry");
        assertEquals(List.of(), alive(pids), "processes left running");
    }

    @Test
    void anMpiLaunchThatHangsIsKilledWithEveryRank() throws Exception {
        ExternalTool.require(ExternalTool.runs("mpirun", "--version"), "mpirun (openmpi-bin, a CP2K dependency)");
        Path pids = dir.resolve("pids");
        Path sh = script("never-answers.sh");
        try (Cp2kCalculator c = fake(pids, "mpirun", "-np", "2", "--allow-run-as-root", "--oversubscribe", "-x",
                "PROXIMA_TEST_PIDS", "sh", sh.toString()).retries(0).startupTimeout(Duration.ofSeconds(4)).build()) {
            assertThrows(Cp2kTimeoutException.class, () -> c.calculate(Crystals.diamondCubic("Si", 5.43)));
        }
        assertEquals(4, Files.readAllLines(pids).size(), "two ranks, each a shell and its child");
        assertEquals(List.of(), alive(pids), "ranks left running");
    }

    @Test
    void aSetupErrorAfterStartLeavesNoProcess() throws Exception {
        Path pids = dir.resolve("pids");
        Path sh = script("dies-mid-answer.sh");
        // the fake always answers NATOM with 8: a 16-atom structure is a setup error after a successful start
        try (Cp2kCalculator c = fake(pids, "sh", sh.toString()).build()) {
            CalculatorSetupException e = assertThrows(CalculatorSetupException.class,
                    () -> c.calculate(Crystals.diamondCubic("Si", 5.43).repeat(1, 1, 2)));
            assertTrue(e.getMessage().contains("8 atoms"), e.getMessage());
            assertEquals(-1, c.pid());
        }
        assertEquals(List.of(), alive(pids), "processes left running");
    }
}
