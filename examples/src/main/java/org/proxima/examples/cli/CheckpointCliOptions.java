package org.proxima.examples.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Checkpoint options of {@code proxima md} and {@code proxima si-vacancy}. */
final class CheckpointCliOptions {

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "Write checkpoints into DIR (every --checkpoint-every steps, at the end and on SIGTERM).")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "1000", paramLabel = "K",
            description = "Steps between checkpoints (default ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue from the newest intact checkpoint in DIR (and keep checkpointing there); output "
                    + "files are cut back to the checkpoint and continued.")
    Path resume;

    @Option(names = "--allow-changed-options",
            description = "Resume even if the physical options (temperature, ensemble, target, ...) differ from the "
                    + "checkpoint's.")
    boolean allowChangedOptions;

    /** @return the checkpoint directory, or null for none */
    Path directory() {
        if (resume != null && checkpoint != null && !resume.toAbsolutePath().equals(checkpoint.toAbsolutePath())) {
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " and --resume " + resume
                    + " name different directories");
        }
        if (every < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be ≥ 1, got " + every);
        }
        return resume != null ? resume : checkpoint;
    }

    /** @return whether to resume */
    boolean resuming() {
        return resume != null;
    }
}
