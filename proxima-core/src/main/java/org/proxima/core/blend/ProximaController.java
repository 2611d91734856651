package org.proxima.core.blend;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.StateMap;

/**
 * The PROXIMA linear controller (Zamora et al. 2021) as the paper's code runs it. It keeps the last h (UQ, error)
 * pairs; once the window is full, at every new pair:
 * <ul>
 *   <li>if every UQ in the window is ≈ 0 (|UQ| ≤ 1e-12), the threshold is 0 (α unchanged);</li>
 *   <li>otherwise α = mean over the window of error / max(UQ, 1e-6) (a mean of ratios, not a regression);</li>
 *   <li>the first threshold is ε_target / α / 2 ("stricter than we estimate");</li>
 *   <li>afterwards threshold ← max(0, threshold − (mean(error) − ε_target) / α).</li>
 * </ul>
 * Until the window first fills there is no threshold and the surrogate is never used. The threshold has no upper
 * bound.
 */
public final class ProximaController implements ThresholdController {

    /** The paper's window length. */
    public static final int DEFAULT_WINDOW = 8;

    private static final double UQ_FLOOR = 1e-6;
    private static final double ZERO_UQ = 1e-12;

    private final double errorTargetEvPerA;
    private final int window;
    private final Deque<double[]> pairs = new ArrayDeque<>();
    private double threshold = Double.NaN;
    private double alpha = Double.NaN;

    /**
     * @param errorTargetEvPerA ε_target, eV/Å (≥ 0)
     * @param window h ≥ 1
     */
    public ProximaController(double errorTargetEvPerA, int window) {
        if (!(errorTargetEvPerA >= 0) || !Double.isFinite(errorTargetEvPerA)) {
            throw new IllegalArgumentException("Error target must be ≥ 0 eV/Å, got " + errorTargetEvPerA);
        }
        if (window < 1) {
            throw new IllegalArgumentException("Controller window must be ≥ 1, got " + window);
        }
        this.errorTargetEvPerA = errorTargetEvPerA;
        this.window = window;
    }

    @Override
    public OptionalDouble threshold() {
        return Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold);
    }

    @Override
    public OptionalDouble alpha() {
        return Double.isNaN(alpha) ? OptionalDouble.empty() : OptionalDouble.of(alpha);
    }

    @Override
    public void observe(Observation o) {
        observe(o.uncertainty(), o.errorEvPerA());
    }

    /**
     * Feeds one pair (the paper's controller does not look at where it came from).
     *
     * @param uncertainty UQ
     * @param errorEvPerA observed error, eV/Å
     */
    public void observe(double uncertainty, double errorEvPerA) {
        if (!Double.isFinite(uncertainty) || !Double.isFinite(errorEvPerA)) {
            throw new IllegalArgumentException("Controller inputs must be finite, got UQ " + uncertainty
                    + " and error " + errorEvPerA);
        }
        pairs.addLast(new double[] {uncertainty, errorEvPerA});
        if (pairs.size() > window) {
            pairs.removeFirst();
        }
        if (pairs.size() < window) {
            return;
        }
        boolean allZero = true;
        double ratio = 0;
        double meanError = 0;
        for (double[] p : pairs) {
            allZero &= Math.abs(p[0]) <= ZERO_UQ;
            ratio += p[1] / Math.max(p[0], UQ_FLOOR);
            meanError += p[1];
        }
        if (allZero) {
            threshold = 0;
            return;
        }
        alpha = ratio / window;
        meanError /= window;
        if (Double.isNaN(threshold)) {
            threshold = errorTargetEvPerA / alpha / 2;
        } else {
            threshold = Math.max(0, threshold - (meanError - errorTargetEvPerA) / alpha);
        }
    }

    @Override
    public StateMap saveState() {
        double[] uq = new double[pairs.size()];
        double[] err = new double[pairs.size()];
        int k = 0;
        for (double[] p : pairs) {
            uq[k] = p[0];
            err[k] = p[1];
            k++;
        }
        return new StateMap().putDouble("threshold", threshold).putDouble("alpha", alpha).putDoubles("window_uq", uq)
                .putDoubles("window_error", err);
    }

    @Override
    public void restoreState(StateMap state) {
        pairs.clear();
        double[] uq = state.getDoubles("window_uq");
        double[] err = state.getDoubles("window_error");
        if (uq.length != err.length) {
            throw new CheckpointException("Controller window arrays differ in length: " + uq.length + " vs "
                    + err.length);
        }
        for (int k = Math.max(0, uq.length - window); k < uq.length; k++) {
            pairs.addLast(new double[] {uq[k], err[k]});
        }
        threshold = state.getDouble("threshold");
        alpha = state.getDouble("alpha");
    }

    /** @return ε_target, eV/Å */
    @Override
    public double errorTargetEvPerA() {
        return errorTargetEvPerA;
    }

    /** @return the window length h */
    public int window() {
        return window;
    }
}
