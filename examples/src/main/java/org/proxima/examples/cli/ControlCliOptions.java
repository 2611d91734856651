package org.proxima.examples.cli;

import org.proxima.core.blend.AcceptedErrorEstimate;
import org.proxima.core.blend.AdaptiveAuditPolicy;
import org.proxima.examples.study.Control;

import picocli.CommandLine.Option;

/** The controller and audit-policy options of {@code proxima md} and {@code proxima si-vacancy}. */
final class ControlCliOptions {

    @Option(names = "--controller", defaultValue = "proxima", paramLabel = "proxima|calibrated",
            description = "Threshold controller: proxima (the paper's) or calibrated (error given UQ, bounded; "
                    + "default ${DEFAULT-VALUE}; the calibrated mode of si-vacancy always uses calibrated).")
    String controller;

    @Option(names = "--error-quantile", paramLabel = "Q", description = "Calibrated controller: keep this quantile "
            + "of the accepted steps' error at ε_target (e.g. 0.9) instead of their mean.")
    Double errorQuantile;

    @Option(names = "--audit-policy", defaultValue = "fixed", paramLabel = "fixed|adaptive",
            description = "Audits: fixed (the paper's --audit probability) or adaptive (between --audit-floor and "
                    + "--audit; default ${DEFAULT-VALUE}; the calibrated mode of si-vacancy always adapts).")
    String auditPolicy;

    @Option(names = "--audit-floor", paramLabel = "P", description = "Adaptive audits: lowest probability (default "
            + AdaptiveAuditPolicy.DEFAULT_FLOOR + "; the ceiling is --audit).")
    Double auditFloor;

    @Option(names = "--audit-swap-discount", paramLabel = "F", description = "Weight left to earlier audits in the "
            + "estimate of the accepted steps' error (which adaptive audits follow) each time a retrained ensemble "
            + "takes over, in (0, 1]; 1 keeps them (default " + AcceptedErrorEstimate.DEFAULT_SWAP_DISCOUNT + ").")
    Double swapDiscount;

    @Option(names = "--audit-boost", paramLabel = "N", description = "Adaptive audits: calls at the ceiling after a "
            + "start, resume, retraining or model swap (default " + AdaptiveAuditPolicy.DEFAULT_BOOST_CALLS + ").")
    Integer auditBoost;

    @Option(names = "--training-weights", defaultValue = "uniform", paramLabel = "uniform|importance",
            description = "Weight of each target result in the fits: uniform (the paper's; default) or importance "
                    + "(an audit weighs 1/p, the steps it stands for; docs/algorithm.md).")
    String trainingWeights;

    /**
     * @return the settings
     * @throws IllegalArgumentException naming a bad value
     */
    Control resolve() {
        if (auditBoost != null) {
            OptionChecks.atLeast("--audit-boost", auditBoost, 0);
        }
        return new Control(Control.parseController(controller), errorQuantile == null ? Double.NaN : errorQuantile,
                Control.parseAuditPolicy(auditPolicy), auditFloor == null ? AdaptiveAuditPolicy.DEFAULT_FLOOR
                        : auditFloor,
                swapDiscount == null ? AcceptedErrorEstimate.DEFAULT_SWAP_DISCOUNT : swapDiscount,
                auditBoost == null ? AdaptiveAuditPolicy.DEFAULT_BOOST_CALLS : auditBoost,
                Control.parseTrainingWeights(trainingWeights));
    }
}
