package org.proxima.examples.cli;

import org.proxima.examples.study.BlendSettings;
import org.proxima.examples.study.Control;
import org.proxima.examples.study.StudyMode;
import org.proxima.examples.study.SurrogateKind;
import org.proxima.examples.study.SurrogateStart;
import org.proxima.examples.study.TrainingPlan;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Blending options of {@code proxima md}: run any structure under PROXIMA or PROXIMA+BLEND. */
final class BlendCliOptions {

    @Option(names = "--mode", defaultValue = "target", paramLabel = "MODE",
            description = "target (the calculator at every step; default), proxima (hard switch), blend "
                    + "(PROXIMA+BLEND) or calibrated (PROXIMA+BLEND with the calibrated controller and adaptive "
                    + "audits).")
    String mode;

    @Mixin
    ControlCliOptions control;

    @Mixin
    SurrogateStartCliOptions start;

    @Mixin
    EnsembleCliOptions ensemble;

    @Option(names = "--surrogate", defaultValue = "nn", paramLabel = "nn|linear",
            description = "Surrogate for proxima and blend (default ${DEFAULT-VALUE}).")
    String surrogate;

    @Option(names = "--error-target", paramLabel = "EV_PER_A",
            description = "ε_target, eV/Å (required for proxima and blend).")
    Double errorTarget;

    @Option(names = "--audit", defaultValue = "0.2", paramLabel = "P",
            description = "Probability that a usable step is audited, per MD step (default ${DEFAULT-VALUE}).")
    double audit;

    @Option(names = "--blend-steps", paramLabel = "N", description = "n (default: 10 for blend, 1 for proxima).")
    Integer blendSteps;

    @Option(names = "--window", defaultValue = "8", paramLabel = "H",
            description = "Controller window (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--retrain-interval", paramLabel = "K", description = "Retrain after K new target points "
            + "(default nn: 1024 for NPT ensembles, 512 otherwise; linear: 64).")
    Integer retrainInterval;

    @Mixin
    FirstFitCliOption firstFit;

    @Option(names = "--retrain-growth", paramLabel = "F", description = "Geometric retraining: also wait until the "
            + "training set has grown by this fraction since the last fit (default: 0.1 for calibrated, 0 otherwise).")
    Double retrainGrowth;

    @Option(names = "--training-cap", paramLabel = "N", description = "Cap on training frames per member, 0 for none "
            + "(default nn: 0 for NPT, 512 otherwise).")
    Integer trainingCap;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per NN training (default 32 for NPT, "
            + "16 otherwise).")
    Integer epochs;

    /**
     * @param npt whether the ensemble is NPT (training defaults)
     * @return the settings
     * @throws IllegalArgumentException naming the bad value
     */
    BlendSettings resolve(boolean npt) {
        StudyMode m = StudyMode.parse(mode);
        SurrogateKind kind = SurrogateKind.parse(surrogate);
        TrainingPlan d = TrainingPlan.defaults(kind, npt);
        TrainingPlan plan = new TrainingPlan(retrainInterval != null ? retrainInterval : d.retrainInterval(),
                trainingCap != null ? trainingCap : d.maxSize(), epochs != null ? epochs : d.epochs())
                .forMode(m, retrainGrowth).withRidge(ensemble.resolve())
                .withDescriptor(ensemble.descriptor()).withFirstFitSize(firstFit.resolve());
        if (m == StudyMode.SURROGATE) {
            throw new IllegalArgumentException("--mode surrogate is for proxima si-vacancy, which trains the frozen "
                    + "surrogate on an independent target run; proxima md runs target, proxima or blend");
        }
        if (m != StudyMode.TARGET && errorTarget == null) {
            throw new IllegalArgumentException("--error-target (eV/Å) is required with --mode " + m.label());
        }
        checkRanges(m);
        int n = blendSteps != null ? blendSteps : m.defaultBlendSteps();
        Control c = control.resolve().forMode(m);
        SurrogateStart st = start.resolve();
        if (m == StudyMode.TARGET && (st.initialData() != null || st.model() != null)) {
            throw new IllegalArgumentException("--initial-data and --model start a surrogate: give --mode proxima, "
                    + "blend or calibrated");
        }
        return new BlendSettings(m, kind, plan, errorTarget != null ? errorTarget : 0, audit, n, window, c, st);
    }

    private void checkRanges(StudyMode m) {
        if (errorTarget != null && !(errorTarget > 0 && Double.isFinite(errorTarget))) {
            throw new IllegalArgumentException("--error-target must be a positive number (eV/Å), got " + errorTarget);
        }
        OptionChecks.between("--audit", audit, 0, 1);
        OptionChecks.atLeast("--window", window, 1);
        if (retrainInterval != null) {
            OptionChecks.atLeast("--retrain-interval", retrainInterval, 1);
        }
        if (retrainGrowth != null) {
            OptionChecks.nonNegative("--retrain-growth", retrainGrowth);
        }
        if (trainingCap != null) {
            OptionChecks.atLeast("--training-cap", trainingCap, 0);
        }
        if (epochs != null) {
            OptionChecks.atLeast("--epochs", epochs, 1);
        }
        if (blendSteps == null) {
            return;
        }
        if (m == StudyMode.BLEND || m == StudyMode.CALIBRATED) {
            if (blendSteps < 2) {
                throw new IllegalArgumentException("--blend-steps " + blendSteps + " with --mode " + mode + " would be "
                        + "a hard switch, not a blend: give n ≥ 2, or use --mode proxima for the hard switch");
            }
        } else if (blendSteps != 1) {
            throw new IllegalArgumentException("--blend-steps " + blendSteps + " does not apply to --mode " + mode
                    + (m == StudyMode.PROXIMA ? " (the hard switch, n = 1); use --mode blend to blend" : ""));
        }
    }
}
