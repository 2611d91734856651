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
    private final double maxCut;
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
    private int[] gj = new int[32];
    private int[] gp = new int[32];
    private double[] sd = new double[96];
    private double[] sr = new double[32]; // 1/r
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
        this.maxCut = maxCutoff(parameters, elements);
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
        ensureScratch(list.maxPairsPerAtom());
        final int ns = nspecies;
        final double[] f = forces;
        final double[] eat = energies;
        double energy = 0;
        double wxx = 0;
        double wyy = 0;
        double wzz = 0;
        double wyz = 0;
        double wxz = 0;
        double wxy = 0;
        for (int i = 0; i < n; i++) {
            final int ti = type[i];
            final double xi = x[3 * i];
            final double yi = x[3 * i + 1];
            final double zi = x[3 * i + 2];
            int gathered = list.gather(i, x, maxCut, gj, sd, gp);
            int count = 0;
            for (int q = 0; q < gathered; q++) {
                int j = gj[q];
                double dx = sd[3 * q];
                double dy = sd[3 * q + 1];
                double dz = sd[3 * q + 2];
                double r2 = dx * dx + dy * dy + dz * dz;
                int ij = ti * ns + type[j];
                if (r2 >= cutSq[ij]) {
                    continue;
                }
                int p = gp[q];
                double r = Math.sqrt(r2);
                if (r < 1e-8) {
                    overlap(i, j, r);
                }
                sj[count] = j;
                sd[3 * count] = dx;
                sd[3 * count + 1] = dy;
                sd[3 * count + 2] = dz;
                sr[count] = 1.0 / r;
                spair[count] = ij;
                double rinv = sr[count];
                double u = 1.0 / (r - cut[ij]);
                double g = sigmaGamma[ij] * u;
                sexp[count] = Math.exp(g);
                sgs[count] = g * u * rinv;
                // two-body term, evaluated once per pair: from the lower index (or the positive image of itself)
                if (j > i || (j == i && positiveImage(nl, p))) {
                    double rp = pow(rinv, powP[ij]);
                    double rq = pow(rinv, powQ[ij]);
                    double ex = Math.exp(sigma[ij] * u);
                    double rad = c5[ij] * rp - c6[ij] * rq;
                    double phi = rad * ex;
                    double dphi = ((-powP[ij] * c5[ij] * rp + powQ[ij] * c6[ij] * rq) * rinv
                            - rad * sigma[ij] * u * u) * ex;
                    energy += phi;
                    eat[i] += 0.5 * phi;
                    eat[j] += 0.5 * phi;
                    double fr = dphi * rinv;
                    double gx = fr * dx;
                    double gy = fr * dy;
                    double gz = fr * dz;
                    f[3 * i] += gx;
                    f[3 * i + 1] += gy;
                    f[3 * i + 2] += gz;
                    f[3 * j] -= gx;
                    f[3 * j + 1] -= gy;
                    f[3 * j + 2] -= gz;
                    wxx += gx * dx;
                    wyy += gy * dy;
                    wzz += gz * dz;
                    wyz += gy * dz + gz * dy;
                    wxz += gx * dz + gz * dx;
                    wxy += gx * dy + gy * dx;
                }
                count++;
            }
            // three-body: angle j-i-k for each unordered neighbour pair (j, k)
            double fix = 0;
            double fiy = 0;
            double fiz = 0;
            double ei = 0;
            for (int s = 0; s < count - 1; s++) {
                final double d1x = sd[3 * s];
                final double d1y = sd[3 * s + 1];
                final double d1z = sd[3 * s + 2];
                final double inv1 = sr[s];
                final double ex1 = sexp[s];
                final double gs1 = sgs[s];
                final double invr1sq = inv1 * inv1;
                final int j = sj[s];
                final int ijBase = spair[s] * ns;
                double fjx = 0;
                double fjy = 0;
                double fjz = 0;
                double ej = 0;
                for (int t = s + 1; t < count; t++) {
                    double d2x = sd[3 * t];
                    double d2y = sd[3 * t + 1];
                    double d2z = sd[3 * t + 2];
                    double inv2 = sr[t];
                    int k = sj[t];
                    int ijk = ijBase + type[k];
                    double inv12 = inv1 * inv2;
                    double cs = (d1x * d2x + d1y * d2y + d1z * d2z) * inv12;
                    double dcs = cs - cosTheta0[ijk];
                    double facexp = ex1 * sexp[t];
                    double le = lambdaEpsilon[ijk];
                    double e3 = le * dcs * dcs * facexp;
                    energy += e3;
                    double third = e3 * (1.0 / 3.0);
                    ei += third;
                    ej += third;
                    eat[k] += third;
                    // ∂E/∂d1 = λε ex1 ex2 [2 dcs (d2/(r1 r2) − cs d1/r1²) − dcs² gs1 d1]
                    double ang = 2.0 * le * dcs * facexp;
                    double a11 = -ang * cs * invr1sq - e3 * gs1;
                    double a22 = -ang * cs * inv2 * inv2 - e3 * sgs[t];
                    double a12 = ang * inv12;
                    double g1x = a11 * d1x + a12 * d2x;
                    double g1y = a11 * d1y + a12 * d2y;
                    double g1z = a11 * d1z + a12 * d2z;
                    double g2x = a22 * d2x + a12 * d1x;
                    double g2y = a22 * d2y + a12 * d1y;
                    double g2z = a22 * d2z + a12 * d1z;
                    fjx -= g1x;
                    fjy -= g1y;
                    fjz -= g1z;
                    f[3 * k] -= g2x;
                    f[3 * k + 1] -= g2y;
                    f[3 * k + 2] -= g2z;
                    fix += g1x + g2x;
                    fiy += g1y + g2y;
                    fiz += g1z + g2z;
                    wxx += g1x * d1x + g2x * d2x;
                    wyy += g1y * d1y + g2y * d2y;
                    wzz += g1z * d1z + g2z * d2z;
                    wyz += g1y * d1z + g1z * d1y + g2y * d2z + g2z * d2y;
                    wxz += g1x * d1z + g1z * d1x + g2x * d2z + g2z * d2x;
                    wxy += g1x * d1y + g1y * d1x + g2x * d2y + g2y * d2x;
                }
                f[3 * j] += fjx;
                f[3 * j + 1] += fjy;
                f[3 * j + 2] += fjz;
                eat[j] += ej;
            }
            f[3 * i] += fix;
            f[3 * i + 1] += fiy;
            f[3 * i + 2] += fiz;
            eat[i] += ei;
        }
        setVirial(wxx, wyy, wzz, 0.5 * wyz, 0.5 * wxz, 0.5 * wxy);
        return energy;
    }

    private static boolean positiveImage(NeighborList nl, int p) {
        int a = nl.shift(p, 0);
        int b = nl.shift(p, 1);
        return a > 0 || (a == 0 && (b > 0 || (b == 0 && nl.shift(p, 2) > 0)));
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

    private void ensureScratch(int capacity) {
        if (sj.length < capacity) {
            int cap = Math.max(capacity, 2 * sj.length);
            sj = new int[cap];
            gj = new int[cap];
            gp = new int[cap];
            sd = new double[3 * cap];
            sr = new double[cap];
            sexp = new double[cap];
            sgs = new double[cap];
            spair = new int[cap];
        }
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
