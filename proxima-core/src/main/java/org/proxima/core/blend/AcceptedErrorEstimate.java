package org.proxima.core.blend;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

/**
 * The error of the steps the surrogate takes, estimated from audits alone (the only unbiased sample of them): each
 * audit is a usable step sent to the target with probability p, so weighting it by 1/p keeps the mean unbiased when
 * p varies (a ratio, Hájek, estimator). Older audits fade with a forgetting factor per audit, so the estimate follows
 * a surrogate that improves or degrades, and the blending calculator discounts them further each time a retrained
 * ensemble takes over ({@link #modelSwapped}: the audits of an ensemble k swaps back weigh
 * {@link #DEFAULT_SWAP_DISCOUNT}^k by default), so the estimate describes the ensemble in use; the standard error
 * comes from the weighted spread and the weights' effective count, and the interval is mean ± 1.96 SE. Mutable;
 * checkpointable.
 */
public final class AcceptedErrorEstimate implements Checkpointable {

    /**
     * Default forgetting per audit: an audit's weight halves after about 350 newer ones (up to about 1000 weigh in).
     * The estimate's standard error is then about a third of what 0.99 (about 200 audits) gives, which is what lets
     * the adaptive audit policy tell an accepted error a few per cent below ε_target from one at it
     * (docs/algorithm.md).
     */
    public static final double DEFAULT_FORGETTING = 0.998;

    /**
     * Default factor on every earlier audit's weight when a retrained ensemble replaces the one they audited (applied
     * by the blending calculator, {@code BlendingCalculatorBuilder.acceptedErrorSwapDiscount}): the audits of the
     * model k swaps back count 0.5^k. Derived in an NPT pilot (seeds 1001–1008, docs/results.md): with 1 the
     * estimate still carried the first models' errors a thousand steps later (0.278 against 0.254 eV/Å audited) and
     * the adaptive policy kept auditing 6–8 % of the steps after step 1000; with 0.5 it audited 4–5 % there and the
     * target calls after the first training fell from 20.0 % to 17.9 % of the steps (0.25: 17.4 %, within the
     * seeds' spread of 0.5's, with half as many audits behind each estimate).
     */
    public static final double DEFAULT_SWAP_DISCOUNT = 0.5;

    private final double forgetting;
    private final double swapDiscount;
    private double sw;
    private double swe;
    private double swe2;
    private double sw2;
    private double sw2e;
    private double sw2e2;
    private long audits;

    /** With the default forgetting and swap discount. */
    public AcceptedErrorEstimate() {
        this(DEFAULT_FORGETTING, DEFAULT_SWAP_DISCOUNT);
    }

    /**
     * @param forgetting factor in (0, 1] applied to every older audit when a new one arrives (1: no forgetting)
     * @param swapDiscount factor in (0, 1] applied to every earlier audit at {@link #modelSwapped()} (1: none)
     */
    public AcceptedErrorEstimate(double forgetting, double swapDiscount) {
        if (!(forgetting > 0 && forgetting <= 1)) {
            throw new IllegalArgumentException("Forgetting factor must be in (0, 1], got " + forgetting);
        }
        requireSwapDiscount(swapDiscount);
        this.forgetting = forgetting;
        this.swapDiscount = swapDiscount;
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

    /**
     * Checks a swap discount (for callers that take one before an estimate exists, e.g. option parsing).
     *
     * @param swapDiscount the factor
     * @throws IllegalArgumentException naming it unless it is in (0, 1]
     */
    public static void requireSwapDiscount(double swapDiscount) {
        if (!(swapDiscount > 0 && swapDiscount <= 1)) {
            throw new IllegalArgumentException("Audit swap discount must be in (0, 1], got " + swapDiscount);
        }
    }

    /**
     * The ensemble that the audits so far measured has been replaced: every earlier audit's weight is multiplied by
     * the swap discount, so the estimate follows the ensemble in use. A factor on every weight changes neither the
     * mean nor its standard error; it acts through the audits that follow.
     */
    public void modelSwapped() {
        double f2 = swapDiscount * swapDiscount;
        sw *= swapDiscount;
        swe *= swapDiscount;
        swe2 *= swapDiscount;
        sw2 *= f2;
        sw2e *= f2;
        sw2e2 *= f2;
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
