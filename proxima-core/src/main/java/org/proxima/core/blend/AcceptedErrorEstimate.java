package org.proxima.core.blend;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

/**
 * The error of the steps the surrogate takes, estimated from audits alone (the only unbiased sample of them): each
 * audit is a usable step sent to the target with probability p, so weighting it by 1/p keeps the mean unbiased when
 * p varies (a ratio, Hájek, estimator). Older audits fade with a forgetting factor per audit, so the estimate follows
 * a surrogate that improves or degrades; the standard error comes from the weighted spread and the weights'
 * effective count, and the interval is mean ± 1.96 SE. Mutable; checkpointable.
 */
public final class AcceptedErrorEstimate implements Checkpointable {

    /**
     * Default forgetting per audit: an audit's weight halves after about 350 newer ones (up to about 1000 weigh in).
     * The estimate's standard error is then about a third of what 0.99 (about 200 audits) gives, which is what lets
     * the adaptive audit policy tell an accepted error a few per cent below ε_target from one at it
     * (docs/algorithm.md).
     */
    public static final double DEFAULT_FORGETTING = 0.998;

    private final double forgetting;
    private double sw;
    private double swe;
    private double swe2;
    private double sw2;
    private double sw2e;
    private double sw2e2;
    private long audits;

    /** With the default forgetting. */
    public AcceptedErrorEstimate() {
        this(DEFAULT_FORGETTING);
    }

    /**
     * @param forgetting factor in (0, 1] applied to every older audit when a new one arrives (1: no forgetting)
     */
    public AcceptedErrorEstimate(double forgetting) {
        if (!(forgetting > 0 && forgetting <= 1)) {
            throw new IllegalArgumentException("Forgetting factor must be in (0, 1], got " + forgetting);
        }
        this.forgetting = forgetting;
    }

    /**
     * Adds one audit.
     *
     * @param errorEvPerA its error, eV/Å
     * @param probability the probability with which it was audited, in (0, 1]
     */
    public void add(double errorEvPerA, double probability) {
        if (!(probability > 0) || !Double.isFinite(errorEvPerA)) {
            return;
        }
        double w = 1 / probability;
        double f2 = forgetting * forgetting;
        sw = forgetting * sw + w;
        swe = forgetting * swe + w * errorEvPerA;
        swe2 = forgetting * swe2 + w * errorEvPerA * errorEvPerA;
        sw2 = f2 * sw2 + w * w;
        sw2e = f2 * sw2e + w * w * errorEvPerA;
        sw2e2 = f2 * sw2e2 + w * w * errorEvPerA * errorEvPerA;
        audits++;
    }

    /** @return audits seen */
    public long audits() {
        return audits;
    }

    /** @return the weighted mean error of accepted steps, eV/Å (NaN before the first audit) */
    public double meanEvPerA() {
        return sw > 0 ? swe / sw : Double.NaN;
    }

    /**
     * The standard error of the mean: √(Σ w² (e − m)²) / Σ w (NaN with fewer than two audits).
     *
     * @return SE, eV/Å
     */
    public double standardErrorEvPerA() {
        if (audits < 2) {
            return Double.NaN;
        }
        double m = meanEvPerA();
        double v = Math.max(0, sw2e2 - 2 * m * sw2e + m * m * sw2);
        return Math.sqrt(v) / sw;
    }

    /** @return the estimate with its 95 % interval (NaN where undefined) */
    public ErrorEstimate estimate() {
        double m = meanEvPerA();
        double se = standardErrorEvPerA();
        return new ErrorEstimate(m, m - 1.96 * se, m + 1.96 * se);
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDoubles("sums", new double[] {sw, swe, swe2, sw2, sw2e, sw2e2})
                .putLong("audits", audits);
    }

    @Override
    public void restoreState(StateMap state) {
        double[] s = state.getDoubles("sums");
        sw = s[0];
        swe = s[1];
        swe2 = s[2];
        sw2 = s[3];
        sw2e = s[4];
        sw2e2 = s[5];
        audits = state.getLong("audits");
    }
}
