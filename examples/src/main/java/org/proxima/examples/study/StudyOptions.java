package org.proxima.examples.study;

import java.nio.file.Path;

import org.proxima.md.run.Resume;
import java.util.List;
import java.util.Objects;

import org.proxima.surrogate.descriptor.DescriptorPreset;

/**
 * Options of the Si-vacancy studies. Null numbers mean "the study's default".
 *
 * @param output output directory
 * @param target the target
 * @param surrogate the surrogate
 * @param modes the modes to run
 * @param replicas replicas per mode (seeds {@code seed}, {@code seed + 1}, …)
 * @param seed first seed
 * @param steps MD steps per run, or null for the study's default
 * @param temperatureK temperature, K, or null for the study's default
 * @param retrainInterval retrain interval, target points, or null for the surrogate's default
 * @param auditProbability audit probability per MD step
 * @param errorTargetEvPerA ε_target, eV/Å
 * @param blendSteps n for the blend mode, or null for 10
 * @param volumeA3 volume of the NVT runs, Å³, or null for the mean volume of a target-only NPT run
 * @param parallel runs executed at once
 * @param trajectoryEvery trajectory interval, steps (0 for none)
 * @param checkpointRoot where checkpoints go (each run in its own sub-directory, e.g. {@code npt/blend-seed1}), or
 *     null for none
 * @param checkpointEvery checkpoint interval, steps
 * @param resume what every run does with its checkpoints (the root's existence is checked once: each run's own
 *     directory may not exist yet; runs that finished are read back, not rerun)
 * @param allowChangedOptions resume even when the physical options differ from the checkpoints'
 * @param surrogateFrames N of the surrogate-only mode, or null for the blend replicas' median final training-set
 *     size
 * @param control the controller and audit policy of the proxima and blend modes (the paper's by default); the
 *     calibrated mode always uses the calibrated controller and adaptive audits, with this record's quantile and
 *     floor
 * @param start how the blended modes' surrogate starts (initial data, a saved model)
 * @param retrainGrowth geometric retraining fraction of the blended modes, or null for each mode's default
 *     ({@link TrainingPlan#forMode})
 * @param ridge the linear surrogate's relative ridge (every mode, the frozen surrogate too), or null for
 *     {@link org.proxima.surrogate.linear.LinearEnsemble#DEFAULT_RIDGE}
 * @param descriptor the descriptor parameters of every mode's surrogate (the frozen one too), or null for the
 *     paper's
 * @param firstFitSize training-set size of the first fit in the blended modes, or null for the retrain interval
 */
public record StudyOptions(Path output, TargetFactory target, SurrogateKind surrogate, List<StudyMode> modes,
        int replicas, long seed, Long steps, Double temperatureK, Integer retrainInterval, double auditProbability,
        double errorTargetEvPerA, Integer blendSteps, Double volumeA3, int parallel, int trajectoryEvery,
        Path checkpointRoot, long checkpointEvery, Resume resume, boolean allowChangedOptions,
        Integer surrogateFrames, Control control, SurrogateStart start, Double retrainGrowth, Double ridge,
        DescriptorPreset descriptor, Integer firstFitSize) {

    /**
     * Validates.
     */
    public StudyOptions {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(surrogate, "surrogate");
        Objects.requireNonNull(control, "control");
        modes = List.copyOf(modes);
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("At least one mode is needed");
        }
        if (replicas < 1) {
            throw new IllegalArgumentException("Replicas must be ≥ 1, got " + replicas);
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("Steps must be ≥ 1, got " + steps);
        }
        if (temperatureK != null && !(temperatureK > 0)) {
            throw new IllegalArgumentException("Temperature must be positive, got " + temperatureK + " K");
        }
        if (volumeA3 != null && !(volumeA3 > 0)) {
            throw new IllegalArgumentException("Volume must be positive, got " + volumeA3 + " Å³");
        }
        if (parallel < 1 || trajectoryEvery < 0) {
            throw new IllegalArgumentException("Need parallel ≥ 1 and trajectory interval ≥ 0");
        }
        if (surrogateFrames != null && surrogateFrames < 2) {
            throw new IllegalArgumentException("Surrogate-only training frames must be ≥ 2, got " + surrogateFrames);
        }
        if (retrainGrowth != null && (!(retrainGrowth >= 0) || !Double.isFinite(retrainGrowth))) {
            throw new IllegalArgumentException("Retrain growth must be a fraction ≥ 0, got " + retrainGrowth);
        }
        if (ridge != null && (!(ridge >= 0) || !Double.isFinite(ridge))) {
            throw new IllegalArgumentException("Ridge must be a finite number ≥ 0, got " + ridge);
        }
        if (firstFitSize != null && firstFitSize < 1) {
            throw new IllegalArgumentException("First-fit size must be ≥ 1 point, got " + firstFitSize);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("Checkpoint interval must be ≥ 1 step, got " + checkpointEvery);
        }
    }

    /**
     * @param runDirectory the run's directory
     * @return its checkpointing, or null
     */
    public CheckpointSettings checkpointing(Path runDirectory) {
        if (checkpointRoot == null) {
            return null;
        }
        Path relative = output.toAbsolutePath().relativize(runDirectory.toAbsolutePath());
        Resume perRun = resume == Resume.REQUIRED ? Resume.IF_PRESENT : resume;
        return new CheckpointSettings(checkpointRoot.resolve(relative), checkpointEvery, perRun, allowChangedOptions);
    }

    /**
     * The controller settings of one mode.
     *
     * @param mode the mode
     * @param npt true for the NPT study
     * @return the settings
     */
    public BlendSettings blend(StudyMode mode, boolean npt) {
        TrainingPlan defaults = TrainingPlan.defaults(surrogate, npt);
        TrainingPlan plan = (retrainInterval == null ? defaults
                : new TrainingPlan(retrainInterval, defaults.maxSize(), defaults.epochs()))
                .forMode(mode, retrainGrowth).withRidge(ridge).withDescriptor(descriptor)
                .withFirstFitSize(firstFitSize);
        boolean blend = mode == StudyMode.BLEND || mode == StudyMode.CALIBRATED;
        int n = blend && blendSteps != null ? blendSteps : mode.defaultBlendSteps();
        return new BlendSettings(mode, surrogate, plan, errorTargetEvPerA, auditProbability, n,
                BlendSettings.DEFAULT_WINDOW, control.forMode(mode), start);
    }
}
