package org.proxima.core.blend;

import java.util.OptionalDouble;

import org.apache.commons.math3.special.Erf;
import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.StateMap;

/**
 * A threshold controller that learns how the surrogate's error is distributed given the UQ, and sets the threshold
 * to the largest UQ at which the predicted error of the accepted steps (UQ below it) stays within ε_target, in the
 * mean (the paper's sense) or at an upper quantile (the outliers the paper worried about). See docs/algorithm.md.
 *
 * <ul>
 *   <li><b>Error given UQ</b>: ln e = β₀ + β₁ ln u + σ z, z standard normal, fitted by least squares to every
 *       (UQ, error) pair the calculator observes (audits and the steps that failed the UQ test: both are selected on
 *       the UQ alone, so the error given the UQ is unbiased), with a forgetting factor per pair so a surrogate that
 *       degrades or improves is followed within tens of target calls.</li>
 *   <li><b>UQ distribution</b>: a histogram of ln u over every step with a trained surrogate, with its own
 *       forgetting per step: the population of steps the threshold would accept.</li>
 *   <li><b>Threshold</b>: the largest bin edge t with E[e | u &lt; t] ≤ ε (mean: Σ h_b exp(β₀ + β₁ x_b + σ²/2) over the
 *       bins below t, over Σ h_b), or P(e ≤ ε | u &lt; t) ≥ q (quantile q: Σ h_b Φ((ln ε − β₀ − β₁ x_b)/σ) / Σ h_b); 0 when
 *       even the lowest bin misses.</li>
 *   <li><b>Bounded</b>: the threshold never exceeds the largest UQ among the pairs still weighing in the fit (times
 *       {@link #MARGIN}), so it cannot wind up beyond the data: steps above every UQ ever measured go to the target
 *       and extend the data first. No integral term: the threshold is recomputed from the data, not accumulated.</li>
 * </ul>
 * Until {@link #MIN_PAIRS} pairs have been seen there is no threshold (the surrogate is not used). Deterministic;
 * its whole state is checkpointed.
 */
public final class CalibratedController implements ThresholdController {

    /** Pairs needed before the first threshold (as the PROXIMA controller's window). */
    public static final int MIN_PAIRS = 8;
    /** The threshold's bound: this factor times the largest UQ among the recent pairs. */
    public static final double MARGIN = 1.0;
    /**
     * Default forgetting per (UQ, error) pair: a pair's weight halves after about 140 newer ones (about 400 pairs
     * weigh in). Derived in pilot hop runs (seeds 1001–1008, docs/results.md): at 0.97 (23 pairs) the fit's noise
     * alone moved the predicted accepted error by a few per cent, enough to swing the threshold between accepting
     * nearly every step and none where the UQ says little and the bound sits at the population's error.
     */
    public static final double DEFAULT_PAIR_FORGETTING = 0.995;
    /** Default forgetting per step of the UQ histogram: a step's weight halves after about 1400 newer ones. */
    public static final double DEFAULT_UQ_FORGETTING = 0.9995;

    private static final int BINS = 320;
    private static final double LN_MIN = Math.log(1e-5);
    private static final double LN_MAX = Math.log(1e2);
    private static final double BIN = (LN_MAX - LN_MIN) / BINS;
    private static final int RECENT = 64;

    private final double errorTargetEvPerA;
    private final double quantile;
    private final double pairForgetting;
    private final double uqForgetting;

    private final double[] sums = new double[7]; // Σw, Σwx, Σwy, Σwxx, Σwxy, Σwyy, Σw²
    private final double[] histogram = new double[BINS];
    private double histogramScale = 1;
    private final double[] recentUq = new double[RECENT];
    private long pairs;
    private double threshold = Double.NaN;

    /**
     * @param errorTargetEvPerA ε_target, eV/Å (positive)
     * @param quantile NaN for the mean sense, or the quantile q ∈ (0, 1) of the accepted steps' error to keep at ε
     * @param pairForgetting forgetting per pair, in (0, 1]
     * @param uqForgetting forgetting per step of the UQ histogram, in (0, 1]
     */
    public CalibratedController(double errorTargetEvPerA, double quantile, double pairForgetting,
            double uqForgetting) {
        if (!(errorTargetEvPerA > 0) || !Double.isFinite(errorTargetEvPerA)) {
            throw new IllegalArgumentException("Error target must be positive, got " + errorTargetEvPerA + " eV/Å");
        }
        if (!Double.isNaN(quantile) && !(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("The error quantile must be in (0, 1), got " + quantile);
        }
        for (double f : new double[] {pairForgetting, uqForgetting}) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("Forgetting factors must be in (0, 1], got " + f);
            }
        }
        this.errorTargetEvPerA = errorTargetEvPerA;
        this.quantile = quantile;
        this.pairForgetting = pairForgetting;
        this.uqForgetting = uqForgetting;
    }

    /**
     * The mean sense (the paper's): the accepted steps' mean error at ε_target; default forgetting.
     *
     * @param errorTargetEvPerA ε_target, eV/Å
     * @return the controller
     */
    public static CalibratedController mean(double errorTargetEvPerA) {
        return new CalibratedController(errorTargetEvPerA, Double.NaN, DEFAULT_PAIR_FORGETTING,
                DEFAULT_UQ_FORGETTING);
    }

    /**
     * The quantile sense: the q-quantile of the accepted steps' error at ε_target (e.g. 0.9); default forgetting.
     *
     * @param errorTargetEvPerA ε_target, eV/Å
     * @param q the quantile, in (0, 1)
     * @return the controller
     */
    public static CalibratedController quantile(double errorTargetEvPerA, double q) {
        return new CalibratedController(errorTargetEvPerA, q, DEFAULT_PAIR_FORGETTING, DEFAULT_UQ_FORGETTING);
    }

    @Override
    public OptionalDouble threshold() {
        return Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold);
    }

    @Override
    public double errorTargetEvPerA() {
        return errorTargetEvPerA;
    }

    /** @return true: the threshold never exceeds {@link #MARGIN} times the largest recent UQ of a pair */
    @Override
    public boolean bounded() {
        return true;
    }

    /** @return the quantile of the quantile sense, or NaN for the mean sense */
    public double quantile() {
        return quantile;
    }

    private static int bin(double uq) {
        double x = Math.log(Math.max(uq, 1e-300));
        return (int) Math.max(0, Math.min(BINS - 1, Math.floor((x - LN_MIN) / BIN)));
    }

    @Override
    public void uncertainty(long step, double uq) {
        if (!Double.isFinite(uq)) {
            return;
        }
        histogramScale /= uqForgetting;
        histogram[bin(uq)] += histogramScale;
        if (histogramScale > 1e200) {
            for (int b = 0; b < BINS; b++) {
                histogram[b] /= histogramScale;
            }
            histogramScale = 1;
        }
    }

    @Override
    public void observe(Observation o) {
        double x = Math.log(Math.max(o.uncertainty(), 1e-12));
        double y = Math.log(Math.max(o.errorEvPerA(), 1e-12));
        double f = pairForgetting;
        sums[0] = f * sums[0] + 1;
        sums[1] = f * sums[1] + x;
        sums[2] = f * sums[2] + y;
        sums[3] = f * sums[3] + x * x;
        sums[4] = f * sums[4] + x * y;
        sums[5] = f * sums[5] + y * y;
        sums[6] = f * f * sums[6] + 1;
        recentUq[(int) (pairs % RECENT)] = o.uncertainty();
        pairs++;
        if (pairs >= MIN_PAIRS) {
            threshold = Math.min(calibratedThreshold(), MARGIN * maxRecentUq());
        }
    }

    private double maxRecentUq() {
        double max = 0;
        for (int k = 0; k < Math.min(pairs, RECENT); k++) {
            max = Math.max(max, recentUq[k]);
        }
        return max;
    }

    /** The largest bin edge at which the predicted error of the accepted steps meets the bound. */
    private double calibratedThreshold() {
        double w = sums[0];
        double varX = sums[3] / w - (sums[1] / w) * (sums[1] / w);
        double beta1 = varX > 1e-12 ? (sums[4] / w - sums[1] / w * sums[2] / w) / varX : 0;
        double beta0 = sums[2] / w - beta1 * sums[1] / w;
        double mse = Math.max(0, sums[5] / w - beta0 * sums[2] / w - beta1 * sums[4] / w);
        double nEff = w * w / sums[6];
        double sigma2 = nEff > 3 ? mse * nEff / (nEff - 2) : mse;
        double sigma = Math.sqrt(sigma2);
        double lnTarget = Math.log(errorTargetEvPerA);
        double mass = 0;
        double sum = 0;
        int best = -1;
        for (int b = 0; b < BINS; b++) {
            if (histogram[b] == 0) {
                continue;
            }
            double x = LN_MIN + (b + 0.5) * BIN;
            double mu = beta0 + beta1 * x;
            double value = Double.isNaN(quantile) ? Math.exp(mu + 0.5 * sigma2)
                    : sigma > 0 ? 0.5 * (1 + Erf.erf((lnTarget - mu) / (sigma * Math.sqrt(2))))
                            : (mu <= lnTarget ? 1 : 0);
            mass += histogram[b];
            sum += histogram[b] * value;
            boolean meets = Double.isNaN(quantile) ? sum / mass <= errorTargetEvPerA : sum / mass >= quantile;
            if (meets) {
                best = b;
            }
        }
        return best < 0 ? 0 : Math.exp(LN_MIN + (best + 1) * BIN);
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDoubles("sums", sums).putDoubles("histogram", histogram)
                .putDouble("histogram_scale", histogramScale).putDoubles("recent_uq", recentUq)
                .putLong("pairs", pairs).putDouble("threshold", threshold);
    }

    @Override
    public void restoreState(StateMap state) {
        double[] s = state.getDoubles("sums");
        double[] h = state.getDoubles("histogram");
        double[] r = state.getDoubles("recent_uq");
        if (s.length != sums.length || h.length != BINS || r.length != RECENT) {
            throw new CheckpointException("Calibrated-controller state of another shape (" + s.length + " sums, "
                    + h.length + " bins, " + r.length + " recent UQs)");
        }
        System.arraycopy(s, 0, sums, 0, s.length);
        System.arraycopy(h, 0, histogram, 0, h.length);
        System.arraycopy(r, 0, recentUq, 0, r.length);
        histogramScale = state.getDouble("histogram_scale");
        pairs = state.getLong("pairs");
        threshold = state.getDouble("threshold");
    }
}
