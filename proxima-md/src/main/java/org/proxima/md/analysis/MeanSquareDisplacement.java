package org.proxima.md.analysis;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.stat.regression.SimpleRegression;

import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * Mean-square displacement of the atoms, averaged over atoms and over time origins, from unwrapped positions
 * (Proxima's integrators never wrap positions), optionally with the centre-of-mass drift removed. Observe it at a
 * fixed interval; MSD(lag) is reported for lags of 0 to {@code maxLagFrames} observations, and the diffusion
 * coefficient from a least-squares line through the second half of the curve, D = slope / 6.
 */
public final class MeanSquareDisplacement implements Observer {

    private final int maxLag;
    private final boolean removeDrift;
    private final List<double[]> frames = new ArrayList<>();
    private final DoubleSeries times = new DoubleSeries();

    /**
     * @param maxLagFrames largest lag, in observations
     * @param removeCentreOfMassDrift subtract the centre-of-mass displacement
     */
    public MeanSquareDisplacement(int maxLagFrames, boolean removeCentreOfMassDrift) {
        if (maxLagFrames < 1) {
            throw new IllegalArgumentException("MSD needs a maximum lag ≥ 1, got " + maxLagFrames);
        }
        this.maxLag = maxLagFrames;
        this.removeDrift = removeCentreOfMassDrift;
    }

    @Override
    public void observe(Snapshot s) {
        double[] x = s.positionsA();
        if (removeDrift) {
            double[] com = new double[3];
            for (int i = 0; i < x.length; i++) {
                com[i % 3] += x[i];
            }
            int n = x.length / 3;
            for (int i = 0; i < x.length; i++) {
                x[i] -= com[i % 3] / n;
            }
        }
        frames.add(x);
        times.add(s.timeFs());
    }

    /** @return MSD for lags 0..maxLag (or fewer if fewer frames), Å² */
    public double[] msdA2() {
        int lags = Math.min(maxLag, frames.size() - 1);
        double[] msd = new double[Math.max(lags + 1, 1)];
        for (int lag = 1; lag <= lags; lag++) {
            double sum = 0;
            int count = 0;
            for (int t0 = 0; t0 + lag < frames.size(); t0++) {
                double[] a = frames.get(t0);
                double[] b = frames.get(t0 + lag);
                for (int k = 0; k < a.length; k++) {
                    double d = b[k] - a[k];
                    sum += d * d;
                }
                count += a.length / 3;
            }
            msd[lag] = sum / count;
        }
        return msd;
    }

    /** @return lag times, fs, matching {@link #msdA2()} */
    public double[] lagTimesFs() {
        double[] msd = msdA2();
        double dtFs = frames.size() > 1 ? times.get(1) - times.get(0) : 0;
        double[] t = new double[msd.length];
        for (int k = 0; k < t.length; k++) {
            t[k] = k * dtFs;
        }
        return t;
    }

    /** @return diffusion coefficient from the second half of the MSD curve, Å²/fs (NaN if too short) */
    public double diffusionA2PerFs() {
        double[] msd = msdA2();
        double[] t = lagTimesFs();
        int from = msd.length / 2;
        int n = msd.length - from;
        if (n < 2) {
            return Double.NaN;
        }
        SimpleRegression fit = new SimpleRegression();
        for (int k = from; k < msd.length; k++) {
            fit.addData(t[k], msd[k]);
        }
        return fit.getSlope() / 6.0;
    }
}
