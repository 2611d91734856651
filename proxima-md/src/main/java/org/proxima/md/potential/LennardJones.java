package org.proxima.md.potential;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.model.Element;
import org.proxima.core.neighbor.NeighborList;
import org.proxima.core.neighbor.VerletNeighborList;

/**
 * The 12-6 Lennard-Jones pair potential with a cutoff and an energy shift:
 * E = Σ_{pairs, r &lt; r_c} 4ε[(σ/r)¹² − (σ/r)⁶] − 4ε[(σ/r_c)¹² − (σ/r_c)⁶]
 * (LAMMPS {@code pair_style lj/cut} with {@code pair_modify shift yes}). Each element pair has its own ε (eV),
 * σ (Å) and cutoff (Å); pairs not given explicitly use Lorentz–Berthelot mixing of the per-element values. Forces,
 * stress and per-atom energies (half of each pair to each atom) are analytic. Not thread-safe.
 */
public final class LennardJones extends NeighborListPotential {

    /** Default Verlet skin, Å. */
    public static final double DEFAULT_SKIN_A = 1.0;

    private final int nspecies;
    private final double[] eps4;
    private final double[] sigma2;
    private final double[] cutSq;
    private final double[] shift;
    private final String description;

    private LennardJones(Builder b, List<String> elements, double[][] params) {
        super(maxCut(params), b.skinA, false, index(elements));
        int ns = elements.size();
        this.nspecies = ns;
        eps4 = new double[ns * ns];
        sigma2 = new double[ns * ns];
        cutSq = new double[ns * ns];
        shift = new double[ns * ns];
        for (int k = 0; k < ns * ns; k++) {
            double eps = params[k][0];
            double sig = params[k][1];
            double rc = params[k][2];
            eps4[k] = 4 * eps;
            sigma2[k] = sig * sig;
            cutSq[k] = rc * rc;
            double sr6 = Math.pow(sig / rc, 6);
            shift[k] = b.shifted ? 4 * eps * (sr6 * sr6 - sr6) : 0.0;
        }
        this.description = "Lennard-Jones " + b.describe();
    }

    /**
     * One ε, σ and cutoff for every pair of any elements.
     *
     * @param epsilonEv ε, eV
     * @param sigmaA σ, Å
     * @param cutoffA cutoff, Å
     * @param elements element symbols the calculator accepts
     * @return the potential (energy-shifted, default skin)
     */
    public static LennardJones uniform(double epsilonEv, double sigmaA, double cutoffA, List<String> elements) {
        Builder b = builder().cutoffA(cutoffA);
        for (String e : elements) {
            b.element(e, epsilonEv, sigmaA);
        }
        return b.build();
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    protected double evaluate(int n, double[] x, int[] type, VerletNeighborList list) {
        NeighborList nl = list.pairs();
        double energy = 0;
        double wxx = 0;
        double wyy = 0;
        double wzz = 0;
        double wyz = 0;
        double wxz = 0;
        double wxy = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[3 * i];
            double yi = x[3 * i + 1];
            double zi = x[3 * i + 2];
            int base = type[i] * nspecies;
            for (int p = nl.start(i), end = nl.end(i); p < end; p++) {
                int j = nl.neighbor(p);
                double dx = x[3 * j] - xi + list.shiftA(p, 0);
                double dy = x[3 * j + 1] - yi + list.shiftA(p, 1);
                double dz = x[3 * j + 2] - zi + list.shiftA(p, 2);
                double r2 = dx * dx + dy * dy + dz * dz;
                int ij = base + type[j];
                if (r2 >= cutSq[ij]) {
                    continue;
                }
                if (r2 < 1e-16) {
                    overlap(i, j, Math.sqrt(r2));
                }
                double sr2 = sigma2[ij] / r2;
                double sr6 = sr2 * sr2 * sr2;
                double e = eps4[ij] * (sr6 * sr6 - sr6) - shift[ij];
                energy += e;
                energies[i] += 0.5 * e;
                energies[j] += 0.5 * e;
                // dE/dr · 1/r = −4ε (12 sr¹² − 6 sr⁶) / r²
                double f = -eps4[ij] * (12 * sr6 * sr6 - 6 * sr6) / r2;
                double gx = f * dx;
                double gy = f * dy;
                double gz = f * dz;
                forces[3 * i] += gx;
                forces[3 * i + 1] += gy;
                forces[3 * i + 2] += gz;
                forces[3 * j] -= gx;
                forces[3 * j + 1] -= gy;
                forces[3 * j + 2] -= gz;
                wxx += gx * dx;
                wyy += gy * dy;
                wzz += gz * dz;
                wyz += gy * dz;
                wxz += gx * dz;
                wxy += gx * dy;
            }
        }
        setVirial(wxx, wyy, wzz, wyz, wxz, wxy);
        return energy;
    }

    private static double maxCut(double[][] params) {
        double m = 0;
        for (double[] p : params) {
            m = Math.max(m, p[2]);
        }
        return m;
    }

    private static Map<String, Integer> index(List<String> elements) {
        Map<String, Integer> m = new HashMap<>();
        for (int k = 0; k < elements.size(); k++) {
            m.put(elements.get(k), k);
        }
        return m;
    }

    /**
     * Builds a {@link LennardJones}. Defaults: cutoff 2.5σ per pair unless {@link #cutoffA} is set, energy shift
     * on, skin 1.0 Å.
     */
    public static final class Builder {
        private final Map<String, double[]> elements = new LinkedHashMap<>();
        private final Map<String, double[]> pairs = new HashMap<>();
        private double cutoffA = Double.NaN;
        private double skinA = DEFAULT_SKIN_A;
        private boolean shifted = true;

        private Builder() {
        }

        /**
         * Per-element parameters, mixed by Lorentz–Berthelot for unlike pairs.
         *
         * @param symbol element
         * @param epsilonEv ε, eV (≥ 0)
         * @param sigmaA σ, Å (&gt; 0)
         * @return this
         */
        public Builder element(String symbol, double epsilonEv, double sigmaA) {
            Element.of(symbol);
            check(epsilonEv, sigmaA, symbol);
            elements.put(symbol, new double[] {epsilonEv, sigmaA});
            return this;
        }

        /**
         * Explicit parameters for one unlike (or like) pair, overriding mixing.
         *
         * @param a first element
         * @param b second element
         * @param epsilonEv ε, eV
         * @param sigmaA σ, Å
         * @return this
         */
        public Builder pair(String a, String b, double epsilonEv, double sigmaA) {
            check(epsilonEv, sigmaA, a + "-" + b);
            pairs.put(a + " " + b, new double[] {epsilonEv, sigmaA});
            pairs.put(b + " " + a, new double[] {epsilonEv, sigmaA});
            return this;
        }

        /**
         * One cutoff for all pairs.
         *
         * @param value cutoff, Å (&gt; 0)
         * @return this
         */
        public Builder cutoffA(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("Lennard-Jones cutoff must be positive, got " + value + " Å");
            }
            this.cutoffA = value;
            return this;
        }

        /**
         * @param value neighbour-list skin, Å (≥ 0)
         * @return this
         */
        public Builder skinA(double value) {
            this.skinA = value;
            return this;
        }

        /**
         * @param value whether to shift energies to zero at the cutoff
         * @return this
         */
        public Builder shifted(boolean value) {
            this.shifted = value;
            return this;
        }

        private static void check(double eps, double sigma, String what) {
            if (!(eps >= 0) || !Double.isFinite(eps) || !(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("Lennard-Jones parameters for " + what + ": ε = " + eps
                        + " eV must be ≥ 0 and σ = " + sigma + " Å must be > 0");
            }
        }

        private String describe() {
            return "(" + elements.keySet() + (Double.isNaN(cutoffA) ? ", cutoff 2.5σ" : ", cutoff " + cutoffA + " Å")
                    + (shifted ? ", shifted)" : ")");
        }

        /** @return the potential */
        public LennardJones build() {
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("Lennard-Jones needs parameters for at least one element");
            }
            List<String> el = new ArrayList<>(elements.keySet());
            int ns = el.size();
            double[][] params = new double[ns * ns][];
            for (int a = 0; a < ns; a++) {
                for (int b = 0; b < ns; b++) {
                    double[] p = pairs.get(el.get(a) + " " + el.get(b));
                    if (p == null) {
                        double[] pa = elements.get(el.get(a));
                        double[] pb = elements.get(el.get(b));
                        p = new double[] {Math.sqrt(pa[0] * pb[0]), 0.5 * (pa[1] + pb[1])};
                    }
                    double rc = Double.isNaN(cutoffA) ? 2.5 * p[1] : cutoffA;
                    params[a * ns + b] = new double[] {p[0], p[1], rc};
                }
            }
            return new LennardJones(this, el, params);
        }
    }
}
