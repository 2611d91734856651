package org.proxima.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.model.Crystals;

/** Files and processes the command-line tests share. */
final class CliFixtures {

    private CliFixtures() {
    }

    /**
     * @param dir a directory
     * @return {@code dir/si63.extxyz}, the 63-atom Si vacancy cell (written on first use)
     */
    static Path si63(Path dir) {
        Path p = dir.resolve("si63.extxyz");
        if (!Files.exists(p)) {
            ExtXyzWriter.writeAll(p, List.of(Frame.of(Crystals.diamondVacancy("Si", 5.43))));
        }
        return p;
    }

    /**
     * Starts the command-line program in its own JVM (to kill it or send it SIGTERM).
     *
     * @param cliArgs its arguments
     * @param log file for its standard output and error
     * @return the process
     */
    static Process startJvm(List<String> cliArgs, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), ProximaCli.class.getName()));
        cmd.addAll(cliArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb.start();
    }

    /**
     * @param dir a checkpoint directory
     * @return whether it holds a complete checkpoint
     */
    static boolean hasCheckpoint(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("step-")
                    && !p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
