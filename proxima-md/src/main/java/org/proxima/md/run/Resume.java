package org.proxima.md.run;

/**
 * What a {@link BlendedRun} does with its checkpoint directory at the start. Damaged checkpoints are never deleted
 * or overwritten: a run that falls back past them, or starts over, first moves them into {@code damaged-<time>/}.
 */
public enum Resume {
    /**
     * Start at step 0. A directory that already holds checkpoints is refused (they would be overwritten): resume,
     * or choose another directory.
     */
    NEVER,
    /**
     * Continue from the newest intact checkpoint; a directory that does not exist or holds no checkpoint starts at
     * step 0; refused when checkpoints exist but every one is damaged.
     */
    IF_PRESENT,
    /**
     * As {@link #IF_PRESENT}, but the directory must exist, so that a mistyped path fails instead of silently
     * starting over (the command line's {@code --resume}); an existing empty directory starts at step 0, which is
     * how the first task of a job array begins.
     */
    REQUIRED,
    /**
     * Continue when a checkpoint is usable; otherwise (no directory, no checkpoint, or every checkpoint damaged)
     * start at step 0, the damaged checkpoints moved aside.
     */
    OR_START
}
