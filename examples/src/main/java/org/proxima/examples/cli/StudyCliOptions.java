package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.io.OutputFiles;
import org.proxima.examples.study.BlendSettings;
import org.proxima.examples.study.StudyMode;
import org.proxima.examples.study.StudyOptions;
import org.proxima.examples.study.SurrogateKind;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code proxima si-vacancy npt|hops|compare}. */
final class StudyCliOptions {

    /**
     * The first round's ε_target on the Stillinger–Weber target, eV/Å, kept for the record: the paper's 0.9 eV/Å for
     * DFT scaled by a ratio of force magnitudes (SW vs CP2K). It saturates the paper's controller on SW (the
     * surrogate's error stays far below it); reach it with {@code --error-target 1.25}.
     */
    static final double SW_FORCE_RATIO_ERROR_TARGET = 1.25;

    /**
     * Default ε_target on the Stillinger–Weber target with the linear surrogate, eV/Å: the paper's operating point,
     * half-way between the median and the mean of the audited max-atom error, from the pilot of docs/results.md
     * (8 PROXIMA+BLEND hop replicas, seeds 1001–1008, ε_target 1.25: median 0.306, mean 0.332; the NPT pilot gave
     * 0.296 and 0.453, i.e. 0.37).
     */
    static final double SW_LINEAR_ERROR_TARGET = 0.32;

    /**
     * The same for the neural-network surrogate, eV/Å: 8 PROXIMA+BLEND hop replicas, seeds 1001–1008, ε_target 1.25:
     * audited median 0.324, mean 0.368, i.e. 0.346 (the NPT pilot gave 0.343 and 0.384, i.e. 0.36).
     */
    static final double SW_NN_ERROR_TARGET = 0.35;

    /** Default ε_target for other targets (the paper's, for DFT), eV/Å. */
    static final double DFT_ERROR_TARGET = 0.9;

    @Option(names = "--mode", paramLabel = "MODES", split = ",",
            description = "Modes to run: target, proxima, blend, calibrated, surrogate, comma-separated (default: "
                    + "npt and hops blend, compare all five).")
    List<String> modes;

    @Option(names = "--target", defaultValue = "sw", paramLabel = "SPEC",
            description = "Target: " + CalculatorSpec.FORMS + " (default ${DEFAULT-VALUE}).")
    String target;

    @Mixin
    Cp2kCliOptions cp2kLimits;

    @Option(names = "--surrogate", paramLabel = "nn|linear",
            description = "Surrogate: nn (the paper's ANI ensemble; default) or linear (default with --quick).")
    String surrogate;

    @Option(names = "--replicas", paramLabel = "R",
            description = "Replicas per mode, seeds S, S+1, ... (default 1; --quick: 2).")
    Integer replicas;

    @Option(names = "--steps", paramLabel = "N", description = "MD steps per run (default: npt 2048, hops 40000; "
            + "--quick: hops 10000).")
    Long steps;

    @Option(names = "--temperature", paramLabel = "K", description = "Temperature (default: npt 800 K, hops 1573 K).")
    Double temperatureK;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "First seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--retrain-interval", paramLabel = "K", description = "Retrain after K new target points "
            + "(default nn: 1024 NPT, 512 NVT; linear: 64).")
    Integer retrainInterval;

    @Mixin
    FirstFitCliOption firstFit;

    @Option(names = "--retrain-growth", paramLabel = "F", description = "Geometric retraining: also wait until the "
            + "training set has grown by this fraction since the last fit (default: 0.1 for calibrated, 0 otherwise).")
    Double retrainGrowth;

    @Option(names = "--audit", defaultValue = "0.2", paramLabel = "P",
            description = "Probability that a usable step is audited, per MD step (default ${DEFAULT-VALUE}).")
    double audit;

    @Option(names = "--error-target", paramLabel = "EV_PER_A", description = "ε_target, eV/Å (default for sw: the "
            + "paper's operating point from a pilot, " + SW_LINEAR_ERROR_TARGET + " with the linear surrogate, "
            + SW_NN_ERROR_TARGET + " with nn; " + DFT_ERROR_TARGET + " otherwise; the first round used "
            + SW_FORCE_RATIO_ERROR_TARGET + ").")
    Double errorTarget;

    @Option(names = "--blend-steps", paramLabel = "N", description = "n of the blend mode (default 10).")
    Integer blendSteps;

    @Option(names = "--volume", paramLabel = "A3", description = "Volume of the NVT hop runs, Å³ (default: the mean "
            + "volume of a target-only NPT run at the hop temperature, run first and cached).")
    Double volumeA3;

    @Option(names = "--output", defaultValue = "si-vacancy-results", paramLabel = "DIR",
            description = "Output directory (default ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--parallel", paramLabel = "J", description = "Runs at once (default: 1 for nn, the number of "
            + "cores otherwise).")
    Integer parallel;

    @Option(names = "--trajectory-every", defaultValue = "10", paramLabel = "K",
            description = "Trajectory interval, steps; 0 for none (default ${DEFAULT-VALUE}).")
    int trajectoryEvery;

    @Option(names = "--target-cost-seconds", paramLabel = "S", description = "Cost of one target call for the "
            + "projected speedup, s (default: measured).")
    Double targetCostSeconds;

    @Mixin
    ControlCliOptions control;

    @Mixin
    EnsembleCliOptions ensemble;

    @Mixin
    SurrogateStartCliOptions start;

    @Option(names = "--surrogate-frames", paramLabel = "N", description = "Target frames the surrogate-only mode "
            + "trains on (default: the blend replicas' median final training-set size).")
    Integer surrogateFrames;

    @Mixin
    CheckpointCliOptions checkpoints;

    @Option(names = "--quick", description = "A short first look: linear surrogate, 2 replicas, 10000 hop steps "
            + "(all three modes of compare in a few minutes on 2 cores).")
    boolean quick;

    /** Quick-mode steps of the hop study. */
    static final long QUICK_HOP_STEPS = 10_000;

    /**
     * Checks everything before any work starts and builds the study options.
     *
     * @param defaultModes modes when --mode is absent
     * @param hopStudy true for the hop study (quick step default)
     * @return the options
     * @throws IllegalArgumentException naming the bad value
     */
    StudyOptions resolve(List<StudyMode> defaultModes, boolean hopStudy) {
        List<StudyMode> m = new ArrayList<>();
        if (modes == null || modes.isEmpty()) {
            m.addAll(defaultModes);
        } else {
            for (String s : modes) {
                m.add(StudyMode.parse(s));
            }
        }
        CalculatorSpec spec = cp2kLimits.apply(CalculatorSpec.parse(target));
        if (spec.kind() == CalculatorSpec.Kind.IPI) {
            throw new IllegalArgumentException("--target " + target + ": an i-PI client serves one run at a time, and "
                    + "a study runs several (modes, replicas, a reference run); use proxima md with the i-PI target");
        }
        SurrogateKind kind = surrogate != null ? SurrogateKind.parse(surrogate)
                : quick ? SurrogateKind.LINEAR : SurrogateKind.NN;
        int r = replicas != null ? replicas : quick ? 2 : 1;
        OptionChecks.atLeast("--replicas", r, 1);
        if (retrainGrowth != null) {
            OptionChecks.nonNegative("--retrain-growth", retrainGrowth);
        }
        Double lambda = ensemble.resolve();
        if (blendSteps != null && blendSteps < 2) {
            throw new IllegalArgumentException("--blend-steps " + blendSteps + " would make the blend mode a hard "
                    + "switch: give n ≥ 2 (the hard switch is --mode proxima)");
        }
        Long s = steps != null ? steps : quick && hopStudy ? Long.valueOf(QUICK_HOP_STEPS) : null;
        double eps = errorTarget != null ? errorTarget
                : spec.kind() != CalculatorSpec.Kind.SW ? DFT_ERROR_TARGET
                : kind == SurrogateKind.LINEAR ? SW_LINEAR_ERROR_TARGET : SW_NN_ERROR_TARGET;
        int j = parallel != null ? parallel
                : kind == SurrogateKind.NN ? 1 : Runtime.getRuntime().availableProcessors();
        OutputFiles.checkWritableDirectory(output, "--output");
        Path ckpt = checkpoints.directory();
        return new StudyOptions(output, spec, kind, m, r, seed, s, temperatureK, retrainInterval, audit, eps,
                blendSteps, volumeA3, j, trajectoryEvery, ckpt, checkpoints.every, checkpoints.resuming(),
                checkpoints.allowChangedOptions, surrogateFrames, control.resolve(), start.resolve(), retrainGrowth,
                lambda, ensemble.descriptor(), firstFit.resolve());
    }

    /**
     * @param o the resolved options
     * @return the parameters for run.json
     */
    Map<String, Object> parameters(StudyOptions o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("modes", o.modes().stream().map(StudyMode::label).toList());
        p.put("target", o.target().description());
        p.put("surrogate", o.surrogate().label());
        p.put("replicas", o.replicas());
        p.put("seed", o.seed());
        p.put("steps", o.steps());
        p.put("temperature_K", o.temperatureK());
        p.put("retrain_interval", o.retrainInterval());
        p.put("retrain_growth", o.retrainGrowth());
        if (o.firstFitSize() != null) {
            p.put("first_fit_size", o.firstFitSize());
        }
        p.put("ridge", o.ridge());
        if (o.descriptor() != null) {
            p.put("descriptor", o.descriptor().label());
        }
        p.put("audit_probability", o.auditProbability());
        p.put("error_target_eV_per_A", o.errorTargetEvPerA());
        p.put("blend_steps", o.blendSteps() != null ? o.blendSteps() : StudyMode.BLEND.defaultBlendSteps());
        p.put("window", BlendSettings.DEFAULT_WINDOW);
        p.putAll(o.control().toMap());
        p.put("volume_A3", o.volumeA3());
        p.put("parallel", o.parallel());
        p.put("trajectory_every", o.trajectoryEvery());
        p.put("target_cost_seconds", targetCostSeconds);
        p.put("quick", quick);
        p.put("checkpoint", o.checkpointRoot() == null ? null : o.checkpointRoot().toString());
        p.put("resume", o.resume().name().toLowerCase(java.util.Locale.ROOT));
        p.put("surrogate_frames", o.surrogateFrames());
        p.putAll(o.start().toMap());
        p.put("surrogate_training_seed", org.proxima.examples.study.FrozenSurrogate.TRAINING_SEED);
        return p;
    }
}
