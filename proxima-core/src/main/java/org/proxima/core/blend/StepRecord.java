package org.proxima.core.blend;

import org.proxima.core.calc.ResultAnnotation;

/**
 * What the {@link BlendingCalculator} did at one call (one MD step). Numbers that do not apply are NaN. It is
 * attached to the call's result ({@link org.proxima.core.calc.CalculationResult#annotation(Class)}), so integrators
 * and observers read it from the data path.
 *
 * @param step index of the call, from 0
 * @param source where the returned result came from
 * @param blendIndex blending index i after this step's update, 0..n
 * @param lambda surrogate weight λ of the returned result
 * @param uncertainty the ensemble's UQ (NaN before the first training or for a non-finite prediction)
 * @param threshold the controller's threshold at the decision (NaN while undefined)
 * @param alpha the controller's α after this step (NaN while undefined)
 * @param errorEvPerA max over atoms ‖F_target − F_surrogate-mean‖ when the target ran and a surrogate existed, eV/Å
 * @param audited whether a usable step was sent to the target by the audit draw
 * @param auditProbability the probability with which a usable step at this call was audited
 * @param targetCalls target evaluations so far, this one included
 * @param modelVersion version of the ensemble that made this step's decision (0 before training)
 * @param modelsAlive ensembles whose mixture gave the surrogate part of this step: 1, or more during cross-fades of
 *     retrained ensembles (at most n + 1)
 * @param surrogateSeconds wall time in the surrogate's predictions, s
 * @param targetSeconds wall time in the target, s
 * @param trainingSeconds wall time in (synchronous) training at this step, s
 * @param blendWorkEv cumulative energy added at fixed positions by changes of λ, model cross-fades and fall-backs
 *     to the target, eV
 * @param acceptedError the audits' estimate of the mean error of the steps the surrogate takes, with its 95 %
 *     interval, eV/Å (after this step)
 * @param event a note (e.g. {@code non-finite surrogate prediction}, {@code retrained v3}), or null
 */
public record StepRecord(long step, Source source, int blendIndex, double lambda, double uncertainty,
        double threshold, double alpha, double errorEvPerA, boolean audited, double auditProbability,
        long targetCalls, long modelVersion, int modelsAlive, double surrogateSeconds, double targetSeconds,
        double trainingSeconds, double blendWorkEv, ErrorEstimate acceptedError, String event)
        implements ResultAnnotation {

    /**
     * @param notes notes of one step, null where there is none
     * @return them joined with {@code "; "}, or null when there are none
     */
    static String joinEvents(String... notes) {
        String joined = null;
        for (String n : notes) {
            if (n != null) {
                joined = joined == null ? n : joined + "; " + n;
            }
        }
        return joined;
    }

    /** @return the note of a failed retraining in this step's event ({@code "retraining vN failed: ..."}), or null */
    public String retrainingFailure() {
        if (event == null) {
            return null;
        }
        for (String part : event.split("; ")) {
            if (part.startsWith("retraining v") && part.contains(" failed: ")) {
                return part;
            }
        }
        return null;
    }

    /** @return whether the target ran at this step */
    public boolean targetRan() {
        return source != Source.SURROGATE;
    }
}
