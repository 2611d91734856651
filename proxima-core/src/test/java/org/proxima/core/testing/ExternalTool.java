package org.proxima.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an external program (CP2K, python3-ase) run for real in CI, where {@code .ci/run} installs it:
 * there a missing program fails the test. On a developer machine without it the test is skipped with a message.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** @return whether the environment variable {@code CI} is set (as CI systems and .ci/run do) */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * Skips (developer machine) or fails (CI) when a tool is missing.
     *
     * @param available whether the tool was found
     * @param what what is missing and how to install it
     */
    public static void require(boolean available, String what) {
        if (available) {
            return;
        }
        if (inCi()) {
            fail(what + " is missing but CI is set: .ci/run must install it");
        }
        Assumptions.assumeTrue(false, "skipped: " + what + " is not installed on this machine");
    }

    /**
     * Runs a command and reports whether it exits with 0 within 60 s.
     *
     * @param command the command and arguments
     * @return true if it ran and succeeded
     */
    public static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Debian's python3 with ASE ({@code /usr/bin/python3} first, as the project's tests use it), or a python3 on the
     * PATH that has ASE; skips or fails (CI) when there is none.
     *
     * @return the interpreter's command
     */
    public static String pythonWithAse() {
        String python = runs("/usr/bin/python3", "-c", "import ase.io") ? "/usr/bin/python3"
                : runs("python3", "-c", "import ase.io") ? "python3" : null;
        require(python != null, "python3 with ASE (Debian package python3-ase)");
        return python;
    }
}
