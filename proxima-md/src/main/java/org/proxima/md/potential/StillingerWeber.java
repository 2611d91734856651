package org.proxima.md.potential;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.neighbor.NeighborList;
import org.proxima.core.neighbor.VerletNeighborList;

/**
 * The Stillinger–Weber potential (Stillinger and Weber, Phys. Rev. B 31, 5262, 1985), as LAMMPS' {@code pair_style
 * sw} evaluates it:
 * <pre>
 * E = Σ_i Σ_{j&lt;i} φ₂(r_ij) + Σ_i Σ_{j≠i} Σ_{k&gt;j} φ₃(r_ij, r_ik, θ_jik)
 * φ₂(r) = A ε [B (σ/r)^p − (σ/r)^q] exp(σ / (r − aσ))
 * φ₃ = λ ε (cos θ_jik − cos θ₀)² exp(γσ_ij / (r_ij − a_ij σ_ij)) exp(γσ_ik / (r_ik − a_ik σ_ik))
 * </pre>
 * with analytic forces, stress (virial) and per-atom energies. Per-atom energies split as LAMMPS does: half of each
 * pair term to each atom, a third of each three-body term to each of its three atoms.
 *
 * <p>The neighbour list (full, with a Verlet skin, default 1.0 Å) persists between calls, so an MD run rebuilds it
 * only when atoms have moved far enough. Not thread-safe.
 */
public final class StillingerWeber extends NeighborListPotential {

    /** Default Verlet skin, Å (LAMMPS metal default is 2.0 Å; 1.0 Å is faster for Si at MD temperatures). */
    public static final double DEFAULT_SKIN_A = 1.0;

    private final String description;
    private final int nspecies;
    // pair (i, j) arrays, index ti * nspecies + tj, from entry (i, j, j)
    private final double[] cutSq;
    private final double[] cut;
    private final double[] sigma;
    private final double[] sigmaGamma;
    private final double[] c5;
    private final double[] c6;
    private final double[] powP;
    private final double[] powQ;
    // triplet arrays, index (ti * nspecies + tj) * nspecies + tk, from entry (i, j, k)
    private final double[] lambdaEpsilon;
    private final double[] cosTheta0;

    // per-centre scratch (short neighbour list)
    private int[] sj = new int[32];
    private double[] sd = new double[96];
    private double[] sr = new double[32];
    private double[] sexp = new double[32];
    private double[] sgs = new double[32];
    private int[] spair = new int[32];

    /**
     * A Stillinger–Weber calculator for all elements of a parameter set.
     *
     * @param parameters the parameters
     * @param skinA neighbour-list skin, Å
     * @throws org.proxima.core.calc.CalculatorSetupException if a triplet of the elements is missing
     */
    public StillingerWeber(StillingerWeberParameters parameters, double skinA) {
        this(parameters, parameters.elements(), skinA);
    }

    /**
     * A Stillinger–Weber calculator for chosen elements.
     *
     * @param parameters the parameters
     * @param elements the element symbols the calculator must handle; every triplet must be in the parameters
     * @param skinA neighbour-list skin, Å
     */
    public StillingerWeber(StillingerWeberParameters parameters, List<String> elements, double skinA) {
        super(maxCutoff(parameters, elements), skinA, true, indexOf(elements));
        this.description = "Stillinger-Weber (" + parameters.source() + ")";
        int ns = elements.size();
        this.nspecies = ns;
        cutSq = new double[ns * ns];
        cut = new double[ns * ns];
        sigma = new double[ns * ns];
        sigmaGamma = new double[ns * ns];
        c5 = new double[ns * ns];
        c6 = new double[ns * ns];
        powP = new double[ns * ns];
        powQ = new double[ns * ns];
        lambdaEpsilon = new double[ns * ns * ns];
        cosTheta0 = new double[ns * ns * ns];
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                StillingerWeberParameters.Entry e = parameters.entry(elements.get(a), elements.get(b),
                        elements.get(b));
                int ij = a * ns + b;
                cut[ij] = e.cutoffA();
                cutSq[ij] = cut[ij] * cut[ij];
                sigma[ij] = e.sigmaA();
                sigmaGamma[ij] = e.sigmaA() * e.gamma();
                c5[ij] = e.bigA() * e.epsilonEv() * e.bigB() * Math.pow(e.sigmaA(), e.p());
                c6[ij] = e.bigA() * e.epsilonEv() * Math.pow(e.sigmaA(), e.q());
                powP[ij] = e.p();
                powQ[ij] = e.q();
                for (int c = 0; c < ns; c++) {
                    StillingerWeberParameters.Entry t = parameters.entry(elements.get(a), elements.get(b),
                            elements.get(c));
                    lambdaEpsilon[ij * ns + c] = t.lambda() * t.epsilonEv();
                    cosTheta0[ij * ns + c] = t.cosTheta0();
                }
            }
        }
    }

    /** @return the original Si potential with the default skin */
    public static StillingerWeber silicon() {
        return new StillingerWeber(StillingerWeberParameters.silicon(), DEFAULT_SKIN_A);
    }

    /**
     * A potential from a LAMMPS {@code .sw} file, for all its elements, with the default skin.
     *
     * @param swFile the file
     * @return the potential
     */
    public static StillingerWeber fromFile(Path swFile) {
        return new StillingerWeber(StillingerWeberParameters.read(swFile), DEFAULT_SKIN_A);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    protected double evaluate(int n, double[] x, int[] type, VerletNeighborList list) {
        NeighborList nl = list.pairs();
        final int ns = nspecies;
        double energy = 0;
        for (int i = 0; i < n; i++) {
            final int ti = type[i];
            final double xi = x[3 * i];
            final double yi = x[3 * i + 1];
            final double zi = x[3 * i + 2];
            int count = 0;
            for (int p = nl.start(i), end = nl.end(i); p < end; p++) {
                int j = nl.neighbor(p);
                double dx = x[3 * j] - xi + list.shiftA(p, 0);
                double dy = x[3 * j + 1] - yi + list.shiftA(p, 1);
                double dz = x[3 * j + 2] - zi + list.shiftA(p, 2);
                double r2 = dx * dx + dy * dy + dz * dz;
                int ij = ti * ns + type[j];
                if (r2 >= cutSq[ij]) {
                    continue;
                }
                double r = Math.sqrt(r2);
                if (r < 1e-8) {
                    overlap(i, j, r);
                }
                if (count == sj.length) {
                    grow();
                }
                sj[count] = j;
                sd[3 * count] = dx;
                sd[3 * count + 1] = dy;
                sd[3 * count + 2] = dz;
                sr[count] = r;
                spair[count] = ij;
                double u = 1.0 / (r - cut[ij]);
                double g = sigmaGamma[ij] * u;
                sexp[count] = Math.exp(g);
                sgs[count] = g * u / r;
                count++;
            }
            // two-body: each pair is visited from both ends; each visit carries half of it
            for (int s = 0; s < count; s++) {
                int ij = spair[s];
                double r = sr[s];
                double rinv = 1.0 / r;
                double rp = pow(rinv, powP[ij]);
                double rq = pow(rinv, powQ[ij]);
                double u = 1.0 / (r - cut[ij]);
                double ex = Math.exp(sigma[ij] * u);
                double rad = c5[ij] * rp - c6[ij] * rq;
                double phi = rad * ex;
                double dphi = ((-powP[ij] * c5[ij] * rp + powQ[ij] * c6[ij] * rq) * rinv - rad * sigma[ij] * u * u)
                        * ex;
                double e = 0.5 * phi;
                energy += e;
                energies[i] += e;
                double f = 0.5 * dphi * rinv;
                double dx = sd[3 * s];
                double dy = sd[3 * s + 1];
                double dz = sd[3 * s + 2];
                double gx = f * dx;
                double gy = f * dy;
                double gz = f * dz;
                int j = sj[s];
                forces[3 * i] += gx;
                forces[3 * i + 1] += gy;
                forces[3 * i + 2] += gz;
                forces[3 * j] -= gx;
                forces[3 * j + 1] -= gy;
                forces[3 * j + 2] -= gz;
                addVirial(gx, gy, gz, dx, dy, dz);
            }
            // three-body: angle j-i-k for each unordered neighbour pair (j, k)
            for (int s = 0; s < count - 1; s++) {
                double d1x = sd[3 * s];
                double d1y = sd[3 * s + 1];
                double d1z = sd[3 * s + 2];
                double r1 = sr[s];
                double ex1 = sexp[s];
                int j = sj[s];
                int ijBase = spair[s] * ns;
                for (int t = s + 1; t < count; t++) {
                    double d2x = sd[3 * t];
                    double d2y = sd[3 * t + 1];
                    double d2z = sd[3 * t + 2];
                    double r2 = sr[t];
                    int k = sj[t];
                    int ijk = ijBase + type[k];
                    double inv12 = 1.0 / (r1 * r2);
                    double cs = (d1x * d2x + d1y * d2y + d1z * d2z) * inv12;
                    double dcs = cs - cosTheta0[ijk];
                    double facexp = ex1 * sexp[t];
                    double le = lambdaEpsilon[ijk];
                    double e3 = le * dcs * dcs * facexp;
                    energy += e3;
                    double third = e3 / 3.0;
                    energies[i] += third;
                    energies[j] += third;
                    energies[k] += third;
                    // ∂E/∂d1 = λε ex1 ex2 [2 dcs (d2/(r1 r2) − cs d1/r1²) − dcs² gs1 d1]
                    double ang = 2.0 * le * dcs * facexp;
                    double rad1 = e3 * sgs[s];
                    double rad2 = e3 * sgs[t];
                    double a11 = -ang * cs / (r1 * r1) - rad1;
                    double a22 = -ang * cs / (r2 * r2) - rad2;
                    double a12 = ang * inv12;
                    double g1x = a11 * d1x + a12 * d2x;
                    double g1y = a11 * d1y + a12 * d2y;
                    double g1z = a11 * d1z + a12 * d2z;
                    double g2x = a22 * d2x + a12 * d1x;
                    double g2y = a22 * d2y + a12 * d1y;
                    double g2z = a22 * d2z + a12 * d1z;
                    forces[3 * j] -= g1x;
                    forces[3 * j + 1] -= g1y;
                    forces[3 * j + 2] -= g1z;
                    forces[3 * k] -= g2x;
                    forces[3 * k + 1] -= g2y;
                    forces[3 * k + 2] -= g2z;
                    forces[3 * i] += g1x + g2x;
                    forces[3 * i + 1] += g1y + g2y;
                    forces[3 * i + 2] += g1z + g2z;
                    addVirial(g1x, g1y, g1z, d1x, d1y, d1z);
                    addVirial(g2x, g2y, g2z, d2x, d2y, d2z);
                }
            }
        }
        return energy;
    }

    private static double pow(double base, double exponent) {
        if (exponent == 0) {
            return 1.0;
        }
        int e = (int) exponent;
        if (e == exponent && e > 0 && e <= 16) {
            double r = base;
            for (int k = 1; k < e; k++) {
                r *= base;
            }
            return r;
        }
        return Math.pow(base, exponent);
    }

    private void grow() {
        int cap = sj.length * 2;
        sj = java.util.Arrays.copyOf(sj, cap);
        sd = java.util.Arrays.copyOf(sd, 3 * cap);
        sr = java.util.Arrays.copyOf(sr, cap);
        sexp = java.util.Arrays.copyOf(sexp, cap);
        sgs = java.util.Arrays.copyOf(sgs, cap);
        spair = java.util.Arrays.copyOf(spair, cap);
    }

    private static double maxCutoff(StillingerWeberParameters parameters, List<String> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Stillinger-Weber needs at least one element");
        }
        double max = 0;
        for (String a : elements) {
            for (String b : elements) {
                for (String c : elements) {
                    parameters.entry(a, b, c); // fail fast on a missing triplet
                }
                max = Math.max(max, parameters.entry(a, b, b).cutoffA());
            }
        }
        return max;
    }

    private static Map<String, Integer> indexOf(List<String> elements) {
        Map<String, Integer> m = new HashMap<>();
        for (int k = 0; k < elements.size(); k++) {
            m.put(elements.get(k), k);
        }
        return m;
    }
}
