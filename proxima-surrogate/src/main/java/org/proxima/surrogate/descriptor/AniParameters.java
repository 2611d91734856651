package org.proxima.surrogate.descriptor;

import java.util.List;

/**
 * Parameters of ANI atomic environment vectors (Smith, Isayev and Roitberg, Chem. Sci. 8, 3192, 2017) as TorchANI's
 * {@code AEVComputer} uses them. Distances in Å, η in 1/Å².
 *
 * @param species element symbols, in the order that defines the feature blocks
 * @param radialCutoffA radial cutoff R_c^R
 * @param radialEta η_R
 * @param radialShifts R_s of the radial terms
 * @param angularCutoffA angular cutoff R_c^A (≤ the radial cutoff)
 * @param angularEta η_A
 * @param zeta ζ
 * @param angularShifts R_s of the angular terms
 * @param angleSections θ_s of the angular terms, rad (ANI form only)
 * @param angularForm how the angular terms depend on the two distances and the angle: ANI's (the default) or
 *     a product of radial functions times Legendre polynomials, a complete three-body basis
 * @param legendreDegree highest Legendre degree L of the product form (0 for the ANI form)
 */
public record AniParameters(List<String> species, double radialCutoffA, double radialEta, double[] radialShifts,
        double angularCutoffA, double angularEta, double zeta, double[] angularShifts, double[] angleSections,
        AngularForm angularForm, int legendreDegree) {

    /**
     * The angular basis.
     */
    public enum AngularForm {
        /**
         * TorchANI's: 2 ((1 + cos(θ' − θ_z))/2)^ζ exp(−η_A ((R_ij + R_ik)/2 − R_s)²) f_c(R_ij) f_c(R_ik), a function
         * of the mean of the two distances.
         */
        ANI,
        /**
         * Products of radial functions of each distance times Legendre polynomials of the angle,
         * [u_a(R_ij) u_b(R_ik) + u_b(R_ij) u_a(R_ik)] P_l(cos θ_ijk) for a ≤ b and l = 0 … L, with
         * u_a(R) = exp(−η_A (R − R_a)²) f_c(R) at the angular shifts R_a: a complete basis of three-body terms up to
         * the radial resolution and degree L (the three-body part of linear ACE or MTP); ζ and the angle sections
         * are not used.
         */
        PRODUCT_LEGENDRE
    }

    /**
     * ANI-form parameters.
     *
     * @param species element symbols, in the order that defines the feature blocks
     * @param radialCutoffA radial cutoff R_c^R
     * @param radialEta η_R
     * @param radialShifts R_s of the radial terms
     * @param angularCutoffA angular cutoff R_c^A (≤ the radial cutoff)
     * @param angularEta η_A
     * @param zeta ζ
     * @param angularShifts R_s of the angular terms
     * @param angleSections θ_s of the angular terms, rad
     */
    public AniParameters(List<String> species, double radialCutoffA, double radialEta, double[] radialShifts,
            double angularCutoffA, double angularEta, double zeta, double[] angularShifts, double[] angleSections) {
        this(species, radialCutoffA, radialEta, radialShifts, angularCutoffA, angularEta, zeta, angularShifts,
                angleSections, AngularForm.ANI, 0);
    }

    /**
     * Validates.
     */
    public AniParameters {
        species = List.copyOf(species);
        if (angularForm == null) {
            throw new IllegalArgumentException("The angular form must be given (ANI or PRODUCT_LEGENDRE)");
        }
        if (angularForm == AngularForm.PRODUCT_LEGENDRE ? legendreDegree < 0 : legendreDegree != 0) {
            throw new IllegalArgumentException("Legendre degree " + legendreDegree + " is not valid for the "
                    + angularForm + " angular form (≥ 0 for PRODUCT_LEGENDRE, 0 for ANI)");
        }
        if (species.isEmpty()) {
            throw new IllegalArgumentException("ANI descriptors need at least one species");
        }
        if (!(radialCutoffA > 0) || !(angularCutoffA > 0) || angularCutoffA > radialCutoffA) {
            throw new IllegalArgumentException("Cutoffs must be positive with angular ≤ radial, got radial "
                    + radialCutoffA + " Å and angular " + angularCutoffA + " Å");
        }
        if (!(radialEta > 0) || !(angularEta > 0) || !(zeta > 0) || radialShifts.length == 0
                || angularShifts.length == 0 || angularForm == AngularForm.ANI && angleSections.length == 0) {
            throw new IllegalArgumentException("η, ζ must be positive and the shift and section lists non-empty");
        }
        radialShifts = radialShifts.clone();
        angularShifts = angularShifts.clone();
        angleSections = angleSections.clone();
    }

    /**
     * The paper's code's defaults ({@code make_aev_computer} with {@code cover_linearly}): radial cutoff 5.2 Å, 16
     * shifts linspace(0.9, 5.2, 17) without the last, η_R = 16 Å⁻²; angular cutoff 3.5 Å, 4 shifts
     * linspace(0.9, 3.5, 5) without the last, η_A = 8 Å⁻², ζ = 32, 8 angle sections π/16 + kπ/8.
     *
     * @param species element symbols
     * @return the parameters (48 features per atom for one species)
     */
    public static AniParameters paperDefaults(List<String> species) {
        return new AniParameters(species, 5.2, 16.0, linspaceWithoutLast(0.9, 5.2, 17), 3.5, 8.0, 32.0,
                linspaceWithoutLast(0.9, 3.5, 5), sections(8));
    }

    /**
     * A finer set for closed-form (linear) fits, derived on held-out Stillinger–Weber Si frames (docs/surrogates.md):
     * radial cutoff 5.2 Å, 32 shifts linspace(0.9, 5.2, 33) without the last, η_R = 32 Å⁻²; angular cutoff 3.8 Å (just
     * above the second-neighbour gap of diamond Si, 3.84 Å, and SW's 3.77 Å cutoff), 12 shifts linspace(0.9, 3.8, 13)
     * without the last, η_A = 16 Å⁻², ζ = 8 (smoother angular bins than the paper's 32, so that a linear combination
     * of them follows a smooth angular law), 8 angle sections π/16 + kπ/8. On SW at 1573 K a ridge-1e-8 linear
     * ensemble fitted to 1768 frames errs 0.18 eV/Å (mean max-atom force error on 1539 frames of another run) against
     * 0.30 with {@link #paperDefaults}; a linear-ensemble prediction costs about four times as much
     * (SurrogateBenchmark, docs/benchmarks.md).
     *
     * @param species element symbols
     * @return the parameters (128 features per atom for one species)
     */
    public static AniParameters extended(List<String> species) {
        return new AniParameters(species, 5.2, 32.0, linspaceWithoutLast(0.9, 5.2, 33), 3.8, 16.0, 8.0,
                linspaceWithoutLast(0.9, 3.8, 13), sections(8));
    }

    /**
     * A complete three-body basis for closed-form (linear) fits ({@link AngularForm#PRODUCT_LEGENDRE}), derived on
     * held-out Stillinger–Weber Si frames (docs/surrogates.md): the radial terms of {@link #extended}; angular cutoff
     * 3.8 Å, 8 Gaussians u_a at linspace(1.8, 3.8, 9) without the last, η_A = 16 Å⁻², Legendre degrees
     * 0 … 4. Every energy that is a sum of pair terms within 5.2 Å and of three-body terms within 3.8 Å is in
     * the linear span of these features up to the resolution of the Gaussians: Stillinger–Weber is (its
     * cutoff is 3.77 Å), so on SW this basis is close to exact, which a DFT target will not be (there it is the
     * three-body part of a linear ACE or MTP model). On SW at 1573 K a ridge-1e-8 linear ensemble fitted to 1415
     * frames of one pilot run errs 0.023 eV/Å (mean max-atom force error on 1355 frames of another) against 0.175
     * with {@link #extended}.
     *
     * @param species element symbols
     * @return the parameters (212 features per atom for one species)
     */
    public static AniParameters threeBody(List<String> species) {
        AniParameters radial = extended(species);
        return new AniParameters(species, radial.radialCutoffA(), radial.radialEta(), radial.radialShifts(), 3.8,
                16.0, 1.0, linspaceWithoutLast(1.8, 3.8, 9), new double[0], AngularForm.PRODUCT_LEGENDRE, 4);
    }

    private static double[] linspaceWithoutLast(double a, double b, int n) {
        double[] out = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            out[k] = a + (b - a) * k / (n - 1);
        }
        return out;
    }

    private static double[] sections(int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.PI / (2 * n) + k * Math.PI / n;
        }
        return out;
    }

    /** @return number of species S */
    public int speciesCount() {
        return species.size();
    }

    /** @return radial features per neighbour species */
    public int radialPerSpecies() {
        return radialShifts.length;
    }

    /** @return radial functions of the angular terms: shifts (ANI) or unordered shift pairs (product form) */
    public int angularRadialTerms() {
        int n = angularShifts.length;
        return angularForm == AngularForm.ANI ? n : n * (n + 1) / 2;
    }

    /** @return angular functions of the angular terms: angle sections (ANI) or Legendre degrees 0 … L */
    public int angularAngleTerms() {
        return angularForm == AngularForm.ANI ? angleSections.length : legendreDegree + 1;
    }

    /** @return angular features per unordered species pair */
    public int angularPerPair() {
        return angularRadialTerms() * angularAngleTerms();
    }

    /** @return total features per atom: S × radial + S(S + 1)/2 × angular */
    public int length() {
        int s = speciesCount();
        return s * radialPerSpecies() + s * (s + 1) / 2 * angularPerPair();
    }

    /**
     * @param symbol element
     * @return its species index, or −1
     */
    public int speciesIndex(String symbol) {
        return species.indexOf(symbol);
    }

    /**
     * Offset of the angular block of the unordered species pair (a, b) (TorchANI's upper-triangle order).
     *
     * @param a first species index
     * @param b second species index
     * @return the feature offset
     */
    public int angularOffset(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int s = speciesCount();
        int pair = lo * s - lo * (lo - 1) / 2 + (hi - lo);
        return s * radialPerSpecies() + pair * angularPerPair();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AniParameters p && species.equals(p.species) && radialCutoffA == p.radialCutoffA
                && radialEta == p.radialEta && java.util.Arrays.equals(radialShifts, p.radialShifts)
                && angularCutoffA == p.angularCutoffA && angularEta == p.angularEta && zeta == p.zeta
                && java.util.Arrays.equals(angularShifts, p.angularShifts)
                && java.util.Arrays.equals(angleSections, p.angleSections) && angularForm == p.angularForm
                && legendreDegree == p.legendreDegree;
    }

    @Override
    public int hashCode() {
        return species.hashCode() * 31 + java.util.Arrays.hashCode(radialShifts);
    }
}
