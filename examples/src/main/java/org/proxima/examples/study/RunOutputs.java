package org.proxima.examples.study;

import java.nio.file.Path;

/**
 * Where a run writes its files; any may be null (not written).
 *
 * @param thermo thermo log (CSV)
 * @param thermoEvery thermo interval, steps
 * @param trajectory trajectory (extxyz)
 * @param trajectoryEvery trajectory interval, steps
 * @param stepRecords step records of a blended run (JSON lines)
 * @param trainingSet every target result of a blended run (extxyz)
 * @param summary summary (JSON)
 */
public record RunOutputs(Path thermo, int thermoEvery, Path trajectory, int trajectoryEvery, Path stepRecords,
        Path trainingSet, Path summary) {

    /**
     * Validates.
     */
    public RunOutputs {
        if (thermoEvery < 1 || trajectoryEvery < 1) {
            throw new IllegalArgumentException("Output intervals must be ≥ 1, got " + thermoEvery + ", "
                    + trajectoryEvery);
        }
    }

    /**
     * The studies' layout: {@code thermo.csv}, {@code trajectory.extxyz}, {@code steps.jsonl},
     * {@code training.extxyz} and {@code summary.json} in one directory.
     *
     * @param dir the directory
     * @param trajectoryEvery trajectory interval, steps (0 for no trajectory)
     * @return the outputs
     */
    public static RunOutputs inDirectory(Path dir, int trajectoryEvery) {
        return new RunOutputs(dir.resolve("thermo.csv"), 1, trajectoryEvery > 0 ? dir.resolve("trajectory.extxyz")
                : null, Math.max(1, trajectoryEvery), dir.resolve("steps.jsonl"), dir.resolve("training.extxyz"),
                dir.resolve("summary.json"));
    }
}
