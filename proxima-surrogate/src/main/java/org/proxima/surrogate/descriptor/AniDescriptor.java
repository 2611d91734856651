package org.proxima.surrogate.descriptor;

import java.util.Arrays;

import org.proxima.core.model.Structure;
import org.proxima.core.neighbor.VerletNeighborList;

/**
 * Computes ANI atomic environment vectors as TorchANI does, for any number of species, with analytic derivatives:
 * <pre>
 * radial   G_i,(s, m)  = Σ_{j of species s, R_ij ≤ R_c^R} 0.25 exp(−η_R (R_ij − R_s,m)²) f_c(R_ij)
 * angular  G_i,(st, a, z) = Σ_{pairs j &lt; k, species {s, t}, R ≤ R_c^A}
 *                          2 ((1 + cos(θ'_ijk − θ_z))/2)^ζ exp(−η_A ((R_ij + R_ik)/2 − R_s,a)²) f_c(R_ij) f_c(R_ik)
 * </pre>
 * with θ' = acos(0.95 cos θ_ijk) and f_c(R) = ½ cos(πR/R_c) + ½. Feature order: radial blocks by neighbour species,
 * then angular blocks by unordered species pair (TorchANI's order); within an angular block the radial shift is
 * the outer index and the angle section the inner one. With {@link AniParameters.AngularForm#PRODUCT_LEGENDRE} the
 * angular terms are instead [u_a(R_ij) u_b(R_ik) + u_b(R_ij) u_a(R_ik)] P_l(cos θ_ijk), u_a(R) = exp(−η_A (R − R_a)²)
 * f_c(R), with the shift pair (a ≤ b, row order) as the outer index and the degree l as the inner one. Every
 * periodic image within the cutoff counts, so cells smaller than twice the cutoff are handled (core's neighbour
 * list).
 *
 * <p>Keeps a Verlet neighbour list between calls, so consecutive MD frames are cheap; not thread-safe (use one
 * instance per thread).
 */
public final class AniDescriptor {

    private final AniParameters p;
    private final VerletNeighborList neighbors;
    private final int radialTerms;
    private final int angularTerms;
    private final double gaussStepRadial;
    private final double gaussRatioStep;
    private final double[] cosSections;
    private final double[] sinSections;
    private final boolean zetaIsPowerOfTwo;
    private final int zetaLog2;

    private int lastPairs;
    private int lastTriplets;

    // scratch for one centre's neighbours within the angular cutoff
    private int[] aj = new int[64];
    private double[] ad = new double[192];
    private double[] ar = new double[64];
    private double[] afc = new double[64];
    private double[] adfc = new double[64];
    private double[] radialScratch = new double[0];
    private double[] radialScratchDerivative = new double[0];

    /** Verlet skin used by {@link #AniDescriptor(AniParameters)}, Å. */
    public static final double DEFAULT_SKIN_A = 1.0;

    /**
     * A descriptor for successive frames of one trajectory: the neighbour list has a {@value #DEFAULT_SKIN_A} Å
     * Verlet skin and is rebuilt only when atoms or the cell moved enough.
     *
     * @param parameters the descriptor parameters
     */
    public AniDescriptor(AniParameters parameters) {
        this(parameters, DEFAULT_SKIN_A);
    }

    /**
     * @param parameters the descriptor parameters
     * @param skinA Verlet skin of the neighbour list, Å; 0 for unrelated frames (training sets), where every
     *     frame needs a new list and a skin only adds pairs
     */
    public AniDescriptor(AniParameters parameters, double skinA) {
        this.p = parameters;
        this.neighbors = new VerletNeighborList(parameters.radialCutoffA(), skinA, true);
        this.radialTerms = parameters.radialPerSpecies();
        this.angularTerms = parameters.angularPerPair();
        double[] shifts = parameters.radialShifts();
        double step = shifts.length > 1 ? shifts[1] - shifts[0] : 0;
        boolean uniform = true;
        for (int k = 1; k < shifts.length; k++) {
            uniform &= Math.abs(shifts[k] - shifts[k - 1] - step) < 1e-12;
        }
        this.gaussStepRadial = uniform ? step : Double.NaN;
        this.gaussRatioStep = Math.exp(-2 * parameters.radialEta() * step * step);
        double[] sections = parameters.angleSections();
        cosSections = new double[sections.length];
        sinSections = new double[sections.length];
        for (int z = 0; z < sections.length; z++) {
            cosSections[z] = Math.cos(sections[z]);
            sinSections[z] = Math.sin(sections[z]);
        }
        double zeta = parameters.zeta();
        int log = (int) Math.round(Math.log(zeta) / Math.log(2));
        this.zetaIsPowerOfTwo = zeta >= 1 && Math.abs(Math.pow(2, log) - zeta) < 1e-12;
        this.zetaLog2 = log;
    }

    /** @return the parameters */
    public AniParameters parameters() {
        return p;
    }

    /**
     * Computes descriptors and their derivatives.
     *
     * @param s the structure
     * @return the descriptors
     * @throws IllegalArgumentException for an element the parameters do not list
     */
    public Descriptors compute(Structure s) {
        int n = s.size();
        int[] species = new int[n];
        for (int i = 0; i < n; i++) {
            species[i] = p.speciesIndex(s.symbol(i));
            if (species[i] < 0) {
                throw new IllegalArgumentException("The descriptor (and the model) was built for species "
                        + p.species() + " but atom " + i + " is " + s.symbol(i));
            }
        }
        double[] x = s.positionsA();
        neighbors.update(x, s.cell());
        int d = p.length();
        double[] g = new double[n * d];
        int maxPairs = neighbors.maxPairsPerAtom();
        int[] gj = new int[Math.max(1, maxPairs)];
        double[] gv = new double[3 * Math.max(1, maxPairs)];
        Growable pairs = new Growable(Math.max(lastPairs, 16), radialTerms, 0);
        Growable triplets = new Growable(Math.max(lastTriplets, 16), 0, tripletWidth());
        double rcR = p.radialCutoffA();
        double rcA = p.angularCutoffA();
        double etaR = p.radialEta();
        double[] rShift = p.radialShifts();
        double[] gauss = new double[radialTerms];
        double[] dgauss = new double[radialTerms];
        for (int i = 0; i < n; i++) {
            int count = neighbors.gather(i, x, rcR, gj, gv, null);
            int na = 0;
            if (aj.length < count) {
                growAngular(count);
            }
            for (int q = 0; q < count; q++) {
                int j = gj[q];
                double dx = gv[3 * q];
                double dy = gv[3 * q + 1];
                double dz = gv[3 * q + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r < 1e-8) {
                    throw new IllegalArgumentException("Atoms " + i + " and " + j + " overlap (distance " + r + " Å)");
                }
                // radial terms and their R-derivatives
                double cosR = Math.cos(Math.PI * r / rcR);
                double fc = 0.5 * cosR + 0.5;
                double dfc = -0.5 * Math.PI / rcR * Math.sqrt(Math.max(0, 1 - cosR * cosR)); // sin ≥ 0 on [0, π]
                gaussians(r, etaR, rShift, gauss, dgauss);
                int offset = species[j] * radialTerms;
                int base = i * d + offset;
                int slot = pairs.add();
                pairs.center[slot] = i;
                pairs.j[slot] = j;
                pairs.offset[slot] = offset;
                pairs.vec[3 * slot] = dx;
                pairs.vec[3 * slot + 1] = dy;
                pairs.vec[3 * slot + 2] = dz;
                pairs.unit[3 * slot] = dx / r;
                pairs.unit[3 * slot + 1] = dy / r;
                pairs.unit[3 * slot + 2] = dz / r;
                for (int m = 0; m < radialTerms; m++) {
                    g[base + m] += 0.25 * gauss[m] * fc;
                    double der = 0.25 * (dgauss[m] * fc + gauss[m] * dfc);
                    pairs.scalars[slot * radialTerms + m] = Math.abs(der) < Descriptors.FLUSH ? 0 : der;
                }
                if (r <= rcA) {
                    aj[na] = j;
                    ad[3 * na] = dx;
                    ad[3 * na + 1] = dy;
                    ad[3 * na + 2] = dz;
                    ar[na] = r;
                    double cosA = Math.cos(Math.PI * r / rcA);
                    afc[na] = 0.5 * cosA + 0.5;
                    adfc[na] = -0.5 * Math.PI / rcA * Math.sqrt(Math.max(0, 1 - cosA * cosA));
                    na++;
                }
            }
            angular(i, na, species, g, d, triplets);
        }
        for (int k = 0; k < g.length; k++) {
            if (Math.abs(g[k]) < Descriptors.FLUSH) {
                g[k] = 0;
            }
        }
        lastPairs = pairs.size + pairs.size / 8;
        lastTriplets = triplets.size + triplets.size / 8;
        return new Descriptors(n, d, species, g, pairs.size, pairs.center, pairs.j, pairs.offset, pairs.vec,
                pairs.unit, pairs.scalars, radialTerms, triplets.size, triplets.center, triplets.j, triplets.k,
                triplets.offset, triplets.vec, triplets.unit, triplets.coefficients, p.angularAngleTerms(),
                p.angularRadialTerms());
    }

    /** exp(−η (r − R_s)²) and its r-derivative for all shifts; a two-exponential recurrence for uniform shifts. */
    private void gaussians(double r, double eta, double[] shifts, double[] out, double[] dout) {
        int m = shifts.length;
        if (!Double.isNaN(gaussStepRadial) && m > 1) {
            double h = gaussStepRadial;
            double u = r - shifts[0];
            double v = Math.exp(-eta * u * u);
            // g_{k+1} / g_k = exp(2ηh(r − R_k) − ηh²) = a · b^k with a = exp(2ηh u − ηh²), b = exp(−2ηh²)
            double a = Math.exp(2 * eta * h * u - eta * h * h);
            double b = gaussRatioStep;
            for (int k = 0; k < m; k++) {
                double uk = r - shifts[k];
                out[k] = v < Descriptors.FLUSH ? 0 : v;
                dout[k] = -2 * eta * uk * out[k];
                v *= a;
                a *= b;
            }
        } else {
            for (int k = 0; k < m; k++) {
                double uk = r - shifts[k];
                out[k] = Math.exp(-eta * uk * uk);
                dout[k] = -2 * eta * uk * out[k];
            }
        }
    }

    private void angular(int i, int na, int[] species, double[] g, int d, Growable triplets) {
        if (p.angularForm() == AniParameters.AngularForm.PRODUCT_LEGENDRE) {
            productLegendre(i, na, species, g, d, triplets);
            return;
        }
        double etaA = p.angularEta();
        double zeta = p.zeta();
        double[] aShift = p.angularShifts();
        int nz = cosSections.length;
        int nsh = aShift.length;
        double[] h = new double[nz];
        double[] dh = new double[nz]; // ∂h_z/∂cos θ
        double[] bs = new double[nsh];
        double[] dbs = new double[nsh];
        for (int a = 0; a < na - 1; a++) {
            double r1 = ar[a];
            for (int b = a + 1; b < na; b++) {
                double r2 = ar[b];
                double c = cosine(a, b);
                double cp = 0.95 * c;
                double sp = Math.sqrt(Math.max(1e-300, 1 - cp * cp));
                double dthdc = -0.95 / sp; // θ' = acos(0.95 c)
                for (int z = 0; z < nz; z++) {
                    double cosDiff = cp * cosSections[z] + sp * sinSections[z];
                    double sinDiff = sp * cosSections[z] - cp * sinSections[z];
                    double base = 0.5 * (1 + cosDiff);
                    double pw1 = power(base, zeta - 1);
                    h[z] = pw1 * base;
                    dh[z] = zeta * pw1 * (-0.5 * sinDiff) * dthdc;
                }
                double avg = 0.5 * (r1 + r2);
                for (int sh = 0; sh < nsh; sh++) {
                    double u = avg - aShift[sh];
                    bs[sh] = Math.exp(-etaA * u * u);
                    dbs[sh] = -2 * etaA * u * bs[sh] * 0.5; // ∂/∂r1 = ∂/∂r2
                }
                double cc = afc[a] * afc[b];
                double dc1 = adfc[a] * afc[b];
                double dc2 = afc[a] * adfc[b];
                int offset = p.angularOffset(species[aj[a]], species[aj[b]]);
                int gbase = i * d + offset;
                int sbase = addTriplet(triplets, i, a, b, offset, h, dh);
                double[] co = triplets.coefficients;
                for (int sh = 0; sh < nsh; sh++) {
                    radialTerm(co, sbase + 5 * sh, 2 * bs[sh] * cc, 2 * (dbs[sh] * cc + bs[sh] * dc1),
                            2 * (dbs[sh] * cc + bs[sh] * dc2), c, r1, r2, g, gbase + sh * nz, h);
                }
            }
        }
    }

    /**
     * The product form's triplets: [u_a(r1) u_b(r2) + u_b(r1) u_a(r2)] P_l(cos θ) with u_a = exp(−η (r − R_a)²) f_c,
     * stored with the same factored coefficients as the ANI form (radial index = unordered pair (a, b), a ≤ b, in
     * row order; angular index = l).
     */
    private void productLegendre(int i, int na, int[] species, double[] g, int d, Growable triplets) {
        double etaA = p.angularEta();
        double[] aShift = p.angularShifts();
        int nsh = aShift.length;
        int nl = p.legendreDegree() + 1;
        if (radialScratch.length < na * nsh) {
            radialScratch = new double[na * nsh];
            radialScratchDerivative = new double[na * nsh];
        }
        double[] u = radialScratch;
        double[] du = radialScratchDerivative;
        for (int a = 0; a < na; a++) {
            for (int sh = 0; sh < nsh; sh++) {
                double x = ar[a] - aShift[sh];
                double e = Math.exp(-etaA * x * x);
                u[a * nsh + sh] = flush(e * afc[a]);
                du[a * nsh + sh] = flush(-2 * etaA * x * e * afc[a] + e * adfc[a]);
            }
        }
        double[] leg = new double[nl];
        double[] dleg = new double[nl];
        for (int a = 0; a < na - 1; a++) {
            double r1 = ar[a];
            for (int b = a + 1; b < na; b++) {
                double r2 = ar[b];
                double c = cosine(a, b);
                legendre(c, leg, dleg);
                int offset = p.angularOffset(species[aj[a]], species[aj[b]]);
                int gbase = i * d + offset;
                int sbase = addTriplet(triplets, i, a, b, offset, leg, dleg);
                double[] co = triplets.coefficients;
                int q = 0;
                for (int s1 = 0; s1 < nsh; s1++) {
                    double u1a = u[a * nsh + s1];
                    double u2a = u[b * nsh + s1];
                    double du1a = du[a * nsh + s1];
                    double du2a = du[b * nsh + s1];
                    for (int s2 = s1; s2 < nsh; s2++, q++) {
                        double u1b = u[a * nsh + s2];
                        double u2b = u[b * nsh + s2];
                        double dq1 = du1a * u2b + du[a * nsh + s2] * u2a; // ∂/∂r1
                        double dq2 = u1a * du[b * nsh + s2] + u1b * du2a; // ∂/∂r2
                        radialTerm(co, sbase + 5 * q, u1a * u2b + u1b * u2a, dq1, dq2, c, r1, r2, g, gbase + q * nl,
                                leg);
                    }
                }
            }
        }
    }

    /**
     * Writes one radial function's five derivative coefficients of a triplet and adds its features q(r1, r2) h_z to
     * G.
     *
     * @param co coefficient array
     * @param k where the five coefficients go
     * @param q the radial function's value
     * @param dq1 ∂q/∂r1
     * @param dq2 ∂q/∂r2
     * @param c cos θ
     * @param g the descriptors
     * @param features index in g of the feature (this radial function, angular function 0)
     * @param h the angular functions' values
     */
    private static void radialTerm(double[] co, int k, double q, double dq1, double dq2, double c, double r1,
            double r2, double[] g, int features, double[] h) {
        co[k] = flush(dq1 / r1);
        co[k + 1] = flush(-q * c / (r1 * r1));
        co[k + 2] = flush(dq2 / r2);
        co[k + 3] = flush(-q * c / (r2 * r2));
        co[k + 4] = flush(q / (r1 * r2));
        if (q != 0) {
            for (int z = 0; z < h.length; z++) {
                g[features + z] += q * h[z];
            }
        }
    }

    /** @return cos θ between the centre's angular neighbours a and b */
    private double cosine(int a, int b) {
        double dot = ad[3 * a] * ad[3 * b] + ad[3 * a + 1] * ad[3 * b + 1] + ad[3 * a + 2] * ad[3 * b + 2];
        return dot / (ar[a] * ar[b]);
    }

    /**
     * Records the triplet (i; neighbours a, b) and its angular coefficients: the factored derivative form (see
     * {@link Descriptors}) holds, per angular function z, h_z and ∂h_z/∂cos θ, then per radial function s the five
     * coefficients P1_s, Q1_s, P2_s, Q2_s, R_s with α1 = h P1 + dh Q1, α2 = h P2 + dh Q2, β = dh R.
     *
     * @return where the triplet's radial coefficients start in {@code triplets.coefficients}
     */
    private int addTriplet(Growable triplets, int i, int a, int b, int offset, double[] h, double[] dh) {
        int slot = triplets.add();
        triplets.center[slot] = i;
        triplets.j[slot] = aj[a];
        triplets.k[slot] = aj[b];
        triplets.offset[slot] = offset;
        System.arraycopy(ad, 3 * a, triplets.vec, 3 * slot, 3);
        System.arraycopy(ad, 3 * b, triplets.unit, 3 * slot, 3);
        int cbase = slot * tripletWidth();
        System.arraycopy(h, 0, triplets.coefficients, cbase, h.length);
        System.arraycopy(dh, 0, triplets.coefficients, cbase + h.length, dh.length);
        return cbase + 2 * h.length;
    }

    /** P_l(c) and dP_l/dc for l = 0 … out.length − 1 (Bonnet's recurrence). */
    static void legendre(double c, double[] out, double[] dout) {
        out[0] = 1;
        dout[0] = 0;
        if (out.length > 1) {
            out[1] = c;
            dout[1] = 1;
        }
        for (int l = 1; l + 1 < out.length; l++) {
            out[l + 1] = ((2 * l + 1) * c * out[l] - l * out[l - 1]) / (l + 1);
            dout[l + 1] = (l + 1) * out[l] + c * dout[l]; // P'_{l+1} = (l+1) P_l + c P'_l
        }
    }

    private int tripletWidth() {
        return 2 * p.angularAngleTerms() + 5 * p.angularRadialTerms();
    }

    private double power(double base, double exponent) {
        if (zetaIsPowerOfTwo && exponent == Math.pow(2, zetaLog2) - 1) {
            // base^(2^k − 1) = base^(2^k) / base without division: square k times tracking the product
            double result = 1;
            double sq = base;
            for (int k = 0; k < zetaLog2; k++) {
                result *= sq;
                sq *= sq;
            }
            return result;
        }
        return Math.pow(base, exponent);
    }

    private static double flush(double v) {
        return Math.abs(v) < Descriptors.FLUSH ? 0 : v;
    }

    private void growAngular(int capacity) {
        int cap = Math.max(capacity, aj.length * 2);
        aj = Arrays.copyOf(aj, cap);
        ad = Arrays.copyOf(ad, 3 * cap);
        ar = Arrays.copyOf(ar, cap);
        afc = Arrays.copyOf(afc, cap);
        adfc = Arrays.copyOf(adfc, cap);
    }

    /** Growable parallel arrays for pairs or triplets. */
    private static final class Growable {
        int size;
        int[] center;
        int[] j;
        int[] k;
        int[] offset;
        double[] vec;
        double[] unit;
        double[] scalars;
        double[] coefficients;
        private final int scalarWidth;
        private final int coefficientWidth;

        Growable(int capacity, int scalarWidth, int coefficientWidth) {
            this.scalarWidth = scalarWidth;
            this.coefficientWidth = coefficientWidth;
            allocate(Math.max(16, capacity));
        }

        private void allocate(int cap) {
            center = center == null ? new int[cap] : Arrays.copyOf(center, cap);
            j = j == null ? new int[cap] : Arrays.copyOf(j, cap);
            k = k == null ? new int[cap] : Arrays.copyOf(k, cap);
            offset = offset == null ? new int[cap] : Arrays.copyOf(offset, cap);
            vec = vec == null ? new double[3 * cap] : Arrays.copyOf(vec, 3 * cap);
            unit = unit == null ? new double[3 * cap] : Arrays.copyOf(unit, 3 * cap);
            scalars = scalars == null ? new double[scalarWidth * cap] : Arrays.copyOf(scalars, scalarWidth * cap);
            coefficients = coefficients == null ? new double[coefficientWidth * cap]
                    : Arrays.copyOf(coefficients, coefficientWidth * cap);
        }

        int add() {
            if (size == center.length) {
                allocate(center.length * 2);
            }
            return size++;
        }
    }
}
