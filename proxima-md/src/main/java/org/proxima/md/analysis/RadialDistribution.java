package org.proxima.md.analysis;

import org.proxima.core.neighbor.LinkedCellBuilder;
import org.proxima.core.neighbor.NeighborList;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * The radial distribution function g(r) of all atom pairs, averaged over the observed frames: the histogram of pair
 * distances (all periodic images) divided by the ideal-gas expectation N (N − 1)/V · 4π r² dr / 2 per frame.
 */
public final class RadialDistribution implements Observer {

    private final double rMaxA;
    private final double binA;
    private final double[] histogram;
    private double normalisation;
    private int frames;

    /**
     * @param rMaxA largest distance, Å
     * @param bins number of bins
     */
    public RadialDistribution(double rMaxA, int bins) {
        if (!(rMaxA > 0) || bins < 1) {
            throw new IllegalArgumentException("RDF needs rMax > 0 and ≥ 1 bin, got " + rMaxA + " Å, " + bins);
        }
        this.rMaxA = rMaxA;
        this.binA = rMaxA / bins;
        this.histogram = new double[bins];
    }

    @Override
    public void observe(Snapshot s) {
        double[] x = s.positionsA();
        NeighborList nl = LinkedCellBuilder.build(x, s.cell(), rMaxA, false);
        for (int i = 0; i < nl.atomCount(); i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                int j = nl.neighbor(p);
                double dx = x[3 * j] - x[3 * i];
                double dy = x[3 * j + 1] - x[3 * i + 1];
                double dz = x[3 * j + 2] - x[3 * i + 2];
                for (int a = 0; a < 3; a++) {
                    int m = nl.shift(p, a);
                    dx += m * s.cell().get(a, 0);
                    dy += m * s.cell().get(a, 1);
                    dz += m * s.cell().get(a, 2);
                }
                int bin = (int) (Math.sqrt(dx * dx + dy * dy + dz * dz) / binA);
                if (bin < histogram.length) {
                    histogram[bin] += 1;
                }
            }
        }
        int n = s.atomCount();
        normalisation += 0.5 * n * (n - 1) / s.volumeA3();
        frames++;
    }

    /** @return bin centres, Å */
    public double[] radiiA() {
        double[] r = new double[histogram.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = (k + 0.5) * binA;
        }
        return r;
    }

    /** @return g(r) at the bin centres */
    public double[] g() {
        double[] g = new double[histogram.length];
        if (frames == 0) {
            return g;
        }
        for (int k = 0; k < g.length; k++) {
            double shell = 4.0 / 3.0 * Math.PI * (Math.pow((k + 1) * binA, 3) - Math.pow(k * binA, 3));
            g[k] = histogram[k] / (normalisation * shell);
        }
        return g;
    }

    /** @return number of frames accumulated */
    public int frames() {
        return frames;
    }
}
