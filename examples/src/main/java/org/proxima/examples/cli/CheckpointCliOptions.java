package org.proxima.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.proxima.md.run.Resume;

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
                    + "files are cut back to the checkpoint and continued. DIR must exist; an empty DIR starts at "
                    + "step 0 (the first task of a job array). Refused when every checkpoint is damaged.")
    Path resume;

    @Option(names = "--resume-or-start",
            description = "With --resume: start over from step 0 when DIR is missing or every checkpoint in it is "
                    + "damaged (they are moved into DIR/damaged-<time>/, never deleted).")
    boolean orStart;

    @Option(names = "--allow-changed-options",
            description = "Resume even if the physical options (temperature, ensemble, target, ...) differ from the "
                    + "checkpoint's.")
    boolean allowChangedOptions;

    /** @return the checkpoint directory, or null for none */
    Path directory() {
        if (orStart && resume == null) {
            throw new IllegalArgumentException("--resume-or-start needs --resume DIR");
        }
        if (resume != null && checkpoint != null && !resume.toAbsolutePath().equals(checkpoint.toAbsolutePath())) {
            throw new IllegalArgumentException("--checkpoint " + checkpoint + " and --resume " + resume
                    + " name different directories");
        }
        if (every < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be ≥ 1, got " + every);
        }
        if (resume != null && !orStart && !Files.isDirectory(resume)) {
            throw new IllegalArgumentException("--resume " + resume + " does not exist: nothing to resume (a "
                    + "mistyped path?). To start a run that later tasks resume, create it empty first (mkdir -p "
                    + resume + "), or add --resume-or-start");
        }
        return resume != null ? resume : checkpoint;
    }

    /** @return what to do with the checkpoint directory at the start */
    Resume resuming() {
        if (orStart && resume == null) {
            throw new IllegalArgumentException("--resume-or-start needs --resume DIR");
        }
        return resume == null ? Resume.NEVER : orStart ? Resume.OR_START : Resume.REQUIRED;
    }
}
