package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.StatUtils;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

/**
 * Summarises step records: counts and fractions of steps per {@link Source}, the surrogate–target errors observed
 * on all target steps and, separately, on audit steps (the only unbiased sample of the error while the surrogate is
 * in use), their mean and median against ε_target, and the wall-time split.
 */
public final class StepSummary implements StepListener, Checkpointable {

    private final Map<Source, Long> counts = new EnumMap<>(Source.class);
    private final List<Double> errors = new ArrayList<>();
    private final List<Double> auditErrors = new ArrayList<>();
    private long steps;
    private long audits;
    private double surrogateSeconds;
    private double targetSeconds;
    private double trainingSeconds;
    private long targetCalls;
    private ErrorEstimate acceptedError = ErrorEstimate.NONE;
    private double auditProbabilitySum;
    private long decisions;
    private long retrainingFailures;
    private String lastRetrainingFailure;

    @Override
    public void onStep(StepRecord r) {
        steps++;
        counts.merge(r.source(), 1L, Long::sum);
        if (Double.isFinite(r.errorEvPerA())) {
            errors.add(r.errorEvPerA());
            if (r.audited()) {
                auditErrors.add(r.errorEvPerA());
            }
        }
        if (r.audited()) {
            audits++;
        }
        surrogateSeconds += r.surrogateSeconds();
        targetSeconds += r.targetSeconds();
        trainingSeconds += r.trainingSeconds();
        targetCalls = r.targetCalls();
        acceptedError = r.acceptedError();
        if (Double.isFinite(r.uncertainty())) {
            auditProbabilitySum += r.auditProbability();
            decisions++;
        }
        String failure = r.retrainingFailure();
        if (failure != null) {
            retrainingFailures++;
            lastRetrainingFailure = "step " + r.step() + ": " + failure;
        }
    }

    @Override
    public StateMap saveState() {
        long[] c = new long[Source.values().length];
        for (Source s : Source.values()) {
            c[s.ordinal()] = count(s);
        }
        return new StateMap().putLongs("counts", c).putDoubles("errors", errors())
                .putDoubles("audit_errors", auditErrors()).putLong("steps", steps).putLong("audits", audits)
                .putDouble("surrogate_seconds", surrogateSeconds).putDouble("target_seconds", targetSeconds)
                .putDouble("training_seconds", trainingSeconds).putLong("target_calls", targetCalls)
                .putDoubles("accepted_error", new double[] {acceptedError.meanEvPerA(), acceptedError.lowEvPerA(),
                    acceptedError.highEvPerA()})
                .putDouble("audit_probability_sum", auditProbabilitySum).putLong("decisions", decisions)
                .putLong("retraining_failures", retrainingFailures).putString("last_retraining_failure",
                        lastRetrainingFailure);
    }

    @Override
    public void restoreState(StateMap m) {
        long[] c = m.getLongs("counts");
        counts.clear();
        for (Source s : Source.values()) {
            if (c[s.ordinal()] > 0) {
                counts.put(s, c[s.ordinal()]);
            }
        }
        errors.clear();
        for (double e : m.getDoubles("errors")) {
            errors.add(e);
        }
        auditErrors.clear();
        for (double e : m.getDoubles("audit_errors")) {
            auditErrors.add(e);
        }
        steps = m.getLong("steps");
        audits = m.getLong("audits");
        surrogateSeconds = m.getDouble("surrogate_seconds");
        targetSeconds = m.getDouble("target_seconds");
        trainingSeconds = m.getDouble("training_seconds");
        targetCalls = m.getLong("target_calls");
        double[] a = m.getDoubles("accepted_error");
        acceptedError = new ErrorEstimate(a[0], a[1], a[2]);
        auditProbabilitySum = m.getDouble("audit_probability_sum");
        decisions = m.getLong("decisions");
        retrainingFailures = m.has("retraining_failures") ? m.getLong("retraining_failures") : 0;
        lastRetrainingFailure = m.has("last_retraining_failure") ? m.getString("last_retraining_failure") : null;
    }

    /** @return steps seen */
    public long steps() {
        return steps;
    }

    /**
     * @param source a source
     * @return number of steps from it
     */
    public long count(Source source) {
        return counts.getOrDefault(source, 0L);
    }

    /**
     * @param source a source
     * @return fraction of steps from it
     */
    public double fraction(Source source) {
        return steps == 0 ? Double.NaN : (double) count(source) / steps;
    }

    /** @return fraction of steps on which the target ran (target + blend) */
    public double targetFraction() {
        return steps == 0 ? Double.NaN : (double) (count(Source.TARGET) + count(Source.BLEND)) / steps;
    }

    /** @return errors observed on target steps with a trained surrogate, eV/Å */
    public double[] errors() {
        return errors.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return errors observed on audit steps, eV/Å */
    public double[] auditErrors() {
        return auditErrors.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return number of audited steps */
    public long audits() {
        return audits;
    }

    /** @return wall time in the surrogate's predictions, s */
    public double surrogateSeconds() {
        return surrogateSeconds;
    }

    /** @return wall time in training, s */
    public double trainingSeconds() {
        return trainingSeconds;
    }

    /** @return the audits' estimate of the accepted steps' mean error at the last step, with its interval */
    public ErrorEstimate acceptedError() {
        return acceptedError;
    }

    /** @return target calls */
    public long targetCalls() {
        return targetCalls;
    }

    /**
     * A JSON-ready summary.
     *
     * @param errorTargetEvPerA ε_target to report next to the errors (NaN if none)
     * @return the summary
     */
    public Map<String, Object> toMap(double errorTargetEvPerA) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", steps);
        m.put("target_calls", targetCalls);
        for (Source s : Source.values()) {
            m.put("fraction_" + s.name().toLowerCase(java.util.Locale.ROOT), fraction(s));
        }
        m.put("target_fraction", targetFraction());
        m.put("audits", audits);
        m.put("error_target_eV_per_A", errorTargetEvPerA);
        m.put("error_mean_eV_per_A", mean(errors()));
        m.put("error_median_eV_per_A", median(errors()));
        m.put("audit_error_mean_eV_per_A", mean(auditErrors()));
        m.put("audit_error_median_eV_per_A", median(auditErrors()));
        m.put("accepted_error_eV_per_A", acceptedError.meanEvPerA());
        m.put("accepted_error_ci_low_eV_per_A", acceptedError.lowEvPerA());
        m.put("accepted_error_ci_high_eV_per_A", acceptedError.highEvPerA());
        m.put("audit_probability_mean", decisions == 0 ? Double.NaN : auditProbabilitySum / decisions);
        m.put("surrogate_seconds", surrogateSeconds);
        m.put("target_seconds", targetSeconds);
        m.put("training_seconds", trainingSeconds);
        m.put("retraining_failures", retrainingFailures);
        m.put("last_retraining_failure", lastRetrainingFailure);
        return m;
    }

    /**
     * @param x values
     * @return their mean, NaN if empty
     */
    public static double mean(double[] x) {
        return StatUtils.mean(x);
    }

    /**
     * @param x values
     * @return their median, NaN if empty
     */
    public static double median(double[] x) {
        return StatUtils.percentile(x, 50);
    }
}
