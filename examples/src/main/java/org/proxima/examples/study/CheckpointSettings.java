package org.proxima.examples.study;

import java.nio.file.Path;
import java.util.Objects;

import org.proxima.md.run.Resume;

/**
 * Checkpointing of a run.
 *
 * @param directory where checkpoints go (one sub-directory per checkpoint; the newest two are kept)
 * @param every steps between checkpoints (also written at the end and on SIGTERM)
 * @param resume what to do with the checkpoints in {@code directory} at the start
 * @param allowChangedOptions resume even if the physical options differ from the checkpoint's
 */
public record CheckpointSettings(Path directory, long every, Resume resume, boolean allowChangedOptions) {

    /**
     * Validates.
     */
    public CheckpointSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(resume, "resume");
        if (every < 1) {
            throw new IllegalArgumentException("Checkpoint interval must be ≥ 1 step, got " + every);
        }
    }
}
