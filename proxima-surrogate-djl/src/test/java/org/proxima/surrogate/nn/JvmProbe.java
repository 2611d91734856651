package org.proxima.surrogate.nn;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a main class of the test class path in a separate JVM (for checks that need a fresh process: engine
 * loading, resident memory) and returns its exit code and output.
 */
final class JvmProbe {

    /** Exit code and combined output of a probe. */
    record Outcome(int exitCode, String output) {
    }

    private JvmProbe() {
    }

    /**
     * @param mainClass the class to run
     * @param dropFromClassPath class-path entries to leave out
     * @param jvmOptions extra JVM options
     * @param timeoutSeconds limit
     * @return the outcome
     */
    static Outcome run(Class<?> mainClass, Predicate<String> dropFromClassPath, List<String> jvmOptions,
            long timeoutSeconds) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(dropFromClassPath.negate()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        Path log = Files.createTempFile("proxima-probe", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(mainClass.getSimpleName() + " did not finish in " + timeoutSeconds
                        + " s; output so far:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
