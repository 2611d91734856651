package org.proxima.md.run;

import java.nio.file.Path;

/**
 * Where a {@link BlendedRun} writes its files; any may be null (not written). The thermo log, trajectory, step
 * records and training set are appended to as the run goes (and cut back on resume); the summary is written whole,
 * atomically, at the end.
 *
 * @param thermo thermo log (CSV)
 * @param thermoEvery thermo interval, steps
 * @param trajectory trajectory (extxyz)
 * @param trajectoryEvery trajectory interval, steps
 * @param stepRecords step records of a blended run (JSON lines)
 * @param trainingSet every target result of a blended run (extxyz; null keeps it in memory)
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

    /** @return no files at all */
    public static RunOutputs none() {
        return new RunOutputs(null, 1, null, 1, null, null, null);
    }

    /** @return the paths that are set, with the option or role they stand for */
    public java.util.Map<String, Path> paths() {
        java.util.Map<String, Path> m = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, Path> put = (k, p) -> {
            if (p != null) {
                m.put(k, p);
            }
        };
        put.accept("thermo log", thermo);
        put.accept("trajectory", trajectory);
        put.accept("step records", stepRecords);
        put.accept("training set", trainingSet);
        put.accept("summary", summary);
        return m;
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
