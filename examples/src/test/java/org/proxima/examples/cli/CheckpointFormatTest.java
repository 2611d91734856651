package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint of an older format (the checked-in fixture, written by format version 1) is refused clearly. */
class CheckpointFormatTest {

    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(CheckpointFormatTest.class.getResource("/fixtures/checkpoint-format-1").toURI());
    }

    @Test
    void aFormatOneCheckpointIsRefusedWithBothVersionsNamed() throws Exception {
        Path ckpt = dir.resolve("ckpt");
        try (Stream<Path> s = Files.walk(fixture())) {
            for (Path p : s.toList()) {
                Path to = ckpt.resolve(fixture().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        CliRun r = CliRun.of("md", "--structure", ckpt.resolve("si8.extxyz").toString(), "--target", "sw",
                "--ensemble", "nve", "--temperature", "600", "--steps", "60", "--seed", "2", "--mode", "blend",
                "--surrogate", "linear", "--error-target", "1.25", "--retrain-interval", "8", "--resume",
                ckpt.toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("format version 1") && r.err().contains("reads version 2"), r.err());
        assertTrue(Files.exists(ckpt.resolve("step-000000000040/checkpoint.json")), "the old checkpoint is kept");
    }
}
