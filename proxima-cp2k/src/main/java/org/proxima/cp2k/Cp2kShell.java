package org.proxima.cp2k;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CP2K shell process and its line protocol: a command is answered by zero or more lines and then
 * {@code * READY}; {@code * ERROR …} reports a rejected command. Standard output is read on its own thread with
 * blocking line reads; standard error goes to a file. Answers are returned only once complete ({@code * READY}
 * seen), so nothing is ever parsed from a half-written answer. Not thread-safe.
 */
final class Cp2kShell implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cp2kShell.class);

    /** Marks the end of the output stream in the queue. */
    private static final String EOF = new String("<end of stream>");

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    /**
     * Starts the process and waits for its first {@code * READY}.
     *
     * @param command program and arguments
     * @param workDir working directory
     * @param environment extra environment variables
     * @param stderr file for standard error
     * @param timeout start-up limit
     * @throws Cp2kTimeoutException or {@link Cp2kProcessException} when it does not start; the process and its
     *     children are killed first, so nothing is left running
     */
    Cp2kShell(List<String> command, Path workDir, Map<String, String> environment, Path stderr, Duration timeout)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        reader = new Thread(this::pump, "cp2k-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        LOG.info("Started {} (pid {}) in {}; waiting up to {} s for its first '* READY'", String.join(" ", command),
                process.pid(), workDir, seconds(timeout));
        try {
            answer("start-up", timeout);
        } catch (RuntimeException e) {
            kill();
            throw e;
        }
    }

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process went away; EOF below tells the waiting side
        } finally {
            lines.add(EOF);
        }
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    /** @return whether the process is running */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends lines (a command, possibly with data lines) and returns the answer.
     *
     * @param timeout limit for the whole answer
     * @param send the lines to send
     * @return the answer's lines before {@code * READY}
     * @throws Cp2kTimeoutException when no complete answer came in time
     * @throws Cp2kProcessException when the process ended or rejected the command
     */
    List<String> command(Duration timeout, String... send) {
        try {
            for (String s : send) {
                in.write(s);
                in.write('\n');
            }
            in.flush();
        } catch (IOException e) {
            throw new Cp2kProcessException("CP2K (pid " + process.pid() + ") does not accept input any more: "
                    + e.getMessage());
        }
        return answer(send[0], timeout);
    }

    private List<String> answer(String what, Duration timeout) {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new Cp2kTimeoutException("CP2K (pid " + process.pid() + ") did not finish '" + what
                            + "' within " + seconds(timeout) + " s");
                }
                if (line == EOF) {
                    lines.add(EOF);
                    Integer code = process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : null;
                    throw new Cp2kProcessException("CP2K (pid " + process.pid() + ") ended during '" + what + "'"
                            + (code == null ? "" : " with exit code " + code));
                }
                String t = line.strip();
                if (t.equals("* READY")) {
                    return out;
                }
                if (t.startsWith("* ERROR")) {
                    drainUntilReady(deadline);
                    throw new Cp2kProcessException("CP2K rejected '" + what + "': " + t.substring(7).strip());
                }
                out.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cp2kProcessException("Interrupted while waiting for CP2K");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    private void drainUntilReady(long deadline) throws InterruptedException {
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null || line == EOF || line.strip().equals("* READY")) {
                if (line == EOF) {
                    lines.add(EOF);
                }
                return;
            }
        }
    }

    /** Asks the process to exit, then makes sure it and its children (e.g. MPI ranks) are gone. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                in.write("EXIT\n");
                in.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        kill();
    }

    /** Kills the process and its descendants at once and reaps them. */
    void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle c : children) {
                c.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // best effort; the JVM reaps what is left at exit
        }
    }
}
