package org.proxima.surrogate.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrix3x3;
import org.junit.jupiter.api.Test;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.FiniteDifferences;
import org.proxima.core.testing.TestStructures;

class AniDescriptorTest {

    private static final AniParameters SI = AniParameters.paperDefaults(List.of("Si"));
    private static final AniParameters SI_C = AniParameters.paperDefaults(List.of("Si", "C"));

    @Test
    void paperDefaultsHave48FeaturesForOneSpecies() {
        assertEquals(48, SI.length());
        assertEquals(16 * 2 + 32 * 3, SI_C.length());
        assertEquals(0.9, SI.radialShifts()[0], 1e-15);
        assertEquals(0.9 + 15 * (5.2 - 0.9) / 16, SI.radialShifts()[15], 1e-15);
        assertEquals(2.85, SI.angularShifts()[3], 1e-15);
        assertEquals(Math.PI / 16 + 7 * Math.PI / 8, SI.angleSections()[7], 1e-15);
    }

    @Test
    void extendedHas128FeaturesForOneSpeciesAndPresetsNameTheirSets() {
        AniParameters ext = AniParameters.extended(List.of("Si"));
        assertEquals(32 + 12 * 8, ext.length());
        assertEquals(0.9 + 31 * (5.2 - 0.9) / 32, ext.radialShifts()[31], 1e-15);
        assertEquals(0.9 + 11 * (3.8 - 0.9) / 12, ext.angularShifts()[11], 1e-15);
        assertEquals(3.8, ext.angularCutoffA(), 0);
        assertEquals(8.0, ext.zeta(), 0);
        assertEquals(ext, DescriptorPreset.parse(" Extended ").parameters(List.of("Si")));
        assertEquals(SI, DescriptorPreset.parse("paper").parameters(List.of("Si")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DescriptorPreset.parse("fine"));
        assertTrue(bad.getMessage().contains("'fine'"), bad.getMessage());
    }

    @Test
    void dimerAndTrimerValuesMatchTheFormulas() {
        double r1 = 2.3;
        double r2 = 2.6;
        double theta = 1.9;
        Structure s = trimer(r1, r2, theta);
        Descriptors d = new AniDescriptor(SI).compute(s);
        // radial feature m of atom 0: neighbours at r1 and r2
        for (int m = 0; m < 16; m++) {
            double expect = 0;
            for (double r : new double[] {r1, r2}) {
                double u = r - SI.radialShifts()[m];
                expect += 0.25 * Math.exp(-16 * u * u) * (0.5 * Math.cos(Math.PI * r / 5.2) + 0.5);
            }
            assertEquals(expect, d.value(0, m), 1e-14, "radial " + m);
        }
        // angular features of atom 0: one pair (1, 2) at angle theta
        double tp = Math.acos(0.95 * Math.cos(theta));
        double fc = (0.5 * Math.cos(Math.PI * r1 / 3.5) + 0.5) * (0.5 * Math.cos(Math.PI * r2 / 3.5) + 0.5);
        for (int a = 0; a < 4; a++) {
            for (int z = 0; z < 8; z++) {
                double u = (r1 + r2) / 2 - SI.angularShifts()[a];
                double expect = 2 * Math.pow((1 + Math.cos(tp - SI.angleSections()[z])) / 2, 32)
                        * Math.exp(-8 * u * u) * fc;
                assertEquals(expect, d.value(0, 16 + a * 8 + z), 1e-13 + 1e-10 * expect, "angular " + a + "," + z);
            }
        }
    }

    @Test
    void threeBodyBasisHasProductRadialsTimesLegendrePolynomials() {
        AniParameters tb = AniParameters.threeBody(List.of("Si"));
        assertEquals(32 + 36 * 5, tb.length());
        assertEquals(tb, DescriptorPreset.parse("three-body").parameters(List.of("Si")));
        assertEquals(tb, roundTrip(tb));
        assertEquals(SI, roundTrip(SI));
        assertTrue(!AniParametersJson.toMap(SI).containsKey("angular_form"), "the ANI form is written as before");
        double r1 = 2.3;
        double r2 = 2.6;
        double theta = 1.9;
        Structure s = trimer(r1, r2, theta);
        Descriptors d = new AniDescriptor(tb).compute(s);
        double c = Math.cos(theta);
        double[] legendre = {1, c, (3 * c * c - 1) / 2, (5 * c * c * c - 3 * c) / 2,
            (35 * c * c * c * c - 30 * c * c + 3) / 8};
        double[] shifts = tb.angularShifts();
        int q = 0;
        for (int a = 0; a < 8; a++) {
            for (int b = a; b < 8; b++, q++) {
                double radial = u(r1, shifts[a]) * u(r2, shifts[b]) + u(r1, shifts[b]) * u(r2, shifts[a]);
                for (int l = 0; l <= 4; l++) {
                    double expect = radial * legendre[l];
                    assertEquals(expect, d.value(0, 32 + q * 5 + l), 1e-14 + 1e-12 * Math.abs(expect),
                            "pair " + a + "," + b + " degree " + l);
                }
            }
        }
        double[] p = new double[7];
        double[] dp = new double[7];
        AniDescriptor.legendre(0.3, p, dp);
        double h = 1e-6;
        double[] pp = new double[7];
        double[] pm = new double[7];
        AniDescriptor.legendre(0.3 + h, pp, new double[7]);
        AniDescriptor.legendre(0.3 - h, pm, new double[7]);
        for (int l = 0; l < 7; l++) {
            assertEquals((pp[l] - pm[l]) / (2 * h), dp[l], 1e-8, "dP_" + l + "/dc");
        }
        assertEquals((231 * Math.pow(0.3, 6) - 315 * Math.pow(0.3, 4) + 105 * 0.09 - 5) / 16, p[6], 1e-15);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> new AniParameters(
                List.of("Si"), 5.2, 16, new double[] {1}, 3.8, 16, 1, new double[] {2}, new double[0],
                AniParameters.AngularForm.PRODUCT_LEGENDRE, -1));
        assertTrue(bad.getMessage().contains("-1"), bad.getMessage());
    }

    /** Atom 0 with neighbours at r1 along x and at r2 at angle theta from it, in a large non-periodic box. */
    private static Structure trimer(double r1, double r2, double theta) {
        Cell box = Cell.of(new DMatrix3x3(40, 0, 0, 0, 40, 0, 0, 0, 40), false, false, false);
        return Structure.builder(box).add("Si", 10, 10, 10).add("Si", 10 + r1, 10, 10)
                .add("Si", 10 + r2 * Math.cos(theta), 10 + r2 * Math.sin(theta), 10).build();
    }

    @SuppressWarnings("unchecked")
    private static AniParameters roundTrip(AniParameters p) {
        return AniParametersJson.fromMap((java.util.Map<String, Object>) org.proxima.core.io.Json.parse(
                org.proxima.core.io.Json.write(AniParametersJson.toMap(p))));
    }

    private static double u(double r, double shift) {
        return Math.exp(-16 * (r - shift) * (r - shift)) * (0.5 * Math.cos(Math.PI * r / 3.8) + 0.5);
    }

    /** E = Σ c·G for random coefficients c: forces and virial from the chain rule vs finite differences. */
    @Test
    void forcesAndStressOfALinearFunctionalMatchFiniteDifferences() {
        Random rng = new Random(3);
        for (AniParameters params : List.of(SI, SI_C, AniParameters.extended(List.of("Si")),
                AniParameters.threeBody(List.of("Si")), AniParameters.threeBody(List.of("Si", "C")))) {
            Structure s = TestStructures.randomTriclinic(TestStructures.rattle(
                    Crystals.diamondCubic("Si", 5.43), 0.2, rng), 0.06, rng); // 8 atoms: smaller than 2 cutoffs
            if (params.speciesCount() == 2) {
                String[] sym = s.symbols();
                sym[1] = "C";
                sym[5] = "C";
                s = Structure.of(s.cell(), sym, s.positionsA());
            }
            double[] c = gaussians(rng, s.size() * params.length(), 1);
            LinearFunctional e = new LinearFunctional(params, c);
            double[] numericF = FiniteDifferences.forces(e, s, 1e-5);
            double[] numericS = FiniteDifferences.stress(e, s, 1e-6);
            double[] f = new double[3 * s.size()];
            double[] w = new double[6];
            new AniDescriptor(params).compute(s).forcesAndVirial(c, f, w);
            assertArrayClose(numericF, f, 1e-6 * Math.max(1, org.proxima.core.testing.ArrayAssertions.maxAbs(f)),
                    "forces");
            double[] stress = new double[6];
            for (int k = 0; k < 6; k++) {
                stress[k] = w[k] / s.cell().volumeA3();
            }
            assertArrayClose(numericS, stress, 1e-7, "stress");
        }
    }

    @Test
    void adjointIsTheTransposeOfTheChainRule() {
        adjointIsTheTransposeOfTheChainRule(SI);
        adjointIsTheTransposeOfTheChainRule(AniParameters.threeBody(List.of("Si")));
    }

    private static void adjointIsTheTransposeOfTheChainRule(AniParameters params) {
        Random rng = new Random(4);
        Structure s = TestStructures.rattle(Crystals.diamondVacancy("Si", 5.43), 0.15, rng);
        Descriptors d = new AniDescriptor(params).compute(s);
        int n = s.size();
        double[] g = gaussians(rng, n * params.length(), 1);
        double[] lf = gaussians(rng, 3 * n, 1);
        double[] lw = gaussians(rng, 6, 1);
        double[] f = new double[3 * n];
        double[] w = new double[6];
        d.forcesAndVirial(g, f, w);
        double lhs = 0;
        for (int k = 0; k < f.length; k++) {
            lhs += lf[k] * f[k];
        }
        for (int k = 0; k < 6; k++) {
            lhs += lw[k] * w[k];
        }
        double[] v = new double[g.length];
        d.adjoint(lf, lw, v);
        double rhs = 0;
        for (int k = 0; k < g.length; k++) {
            rhs += v[k] * g[k];
        }
        assertEquals(lhs, rhs, 1e-9 * Math.abs(lhs));
    }

    @Test
    void skinnedListAlongATrajectoryGivesTheFreshListsValuesAndForces() {
        skinnedListAlongATrajectoryGivesTheFreshListsValuesAndForces(SI);
        skinnedListAlongATrajectoryGivesTheFreshListsValuesAndForces(AniParameters.threeBody(List.of("Si")));
    }

    /**
     * One descriptor kept over 400 frames (its Verlet list rebuilt only when an atom moved half the skin) against
     * a fresh list at every frame; each atom drifts at a constant velocity, 0.006 Å per frame per axis (standard
     * deviation over atoms), so by 2.4 Å per axis over the run: several skins.
     */
    private static void skinnedListAlongATrajectoryGivesTheFreshListsValuesAndForces(AniParameters params) {
        Random rng = new Random(11);
        Structure s = TestStructures.rattle(Crystals.diamondVacancy("Si", 5.43), 0.1, rng);
        AniDescriptor kept = new AniDescriptor(params);
        int n = s.size();
        double[] x = s.positionsA();
        double[] velocity = gaussians(rng, 3 * n, 0.006);
        double[] dEdG = gaussians(rng, n * params.length(), 1);
        for (int frame = 0; frame < 400; frame++) {
            for (int k = 0; k < x.length; k++) {
                x[k] += velocity[k];
            }
            Structure at = s.withPositions(x);
            Descriptors a = kept.compute(at);
            Descriptors b = new AniDescriptor(params, 0).compute(at);
            assertArrayClose(b.values(), a.values(), 1e-12, "values at frame " + frame);
            double[] fa = new double[3 * n];
            double[] fb = new double[3 * n];
            double[] wa = new double[6];
            double[] wb = new double[6];
            a.forcesAndVirial(dEdG, fa, wa);
            b.forcesAndVirial(dEdG, fb, wb);
            assertArrayClose(fb, fa, 1e-10, "forces at frame " + frame);
            assertArrayClose(wb, wa, 1e-10, "virial at frame " + frame);
        }
    }

    /** @return {@code length} draws of scale · N(0, 1), in the order drawn */
    private static double[] gaussians(Random rng, int length, double scale) {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            out[k] = scale * rng.nextGaussian();
        }
        return out;
    }

    @Test
    void invariantUnderTranslationRotationAndPermutationOfImages() {
        Random rng = new Random(5);
        Structure s = TestStructures.rattle(Crystals.diamondCubic("Si", 5.43).repeat(2, 1, 1), 0.1, rng);
        double[] g0 = new AniDescriptor(SI).compute(s).values();
        double[] x = s.positionsA();
        for (int k = 0; k < x.length; k++) {
            x[k] += 1.234;
        }
        assertArrayClose(g0, new AniDescriptor(SI).compute(s.withPositions(x)).values(), 1e-12, "translation");
        double c = Math.cos(0.4);
        double sn = Math.sin(0.4);
        Structure rotated = s.withCell(s.cell().deformed(new DMatrix3x3(c, sn, 0, -sn, c, 0, 0, 0, 1)), true);
        assertArrayClose(g0, new AniDescriptor(SI).compute(rotated).values(), 1e-12, "rotation");
    }

    @Test
    void unknownSpeciesIsRejected() {
        Structure ge = Crystals.diamondCubic("Ge", 5.65);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AniDescriptor(SI).compute(ge));
        assertEquals(true, e.getMessage().contains("Ge"));
    }

    /** A calculator whose energy is Σ c·G (for the finite-difference checks). */
    private static final class LinearFunctional implements org.proxima.core.calc.ForceCalculator {
        private final AniParameters params;
        private final double[] c;

        LinearFunctional(AniParameters params, double[] c) {
            this.params = params;
            this.c = c;
        }

        @Override
        public org.proxima.core.calc.CalculationResult calculate(Structure s) {
            double[] g = new AniDescriptor(params).compute(s).values();
            double e = 0;
            for (int k = 0; k < g.length; k++) {
                e += c[k] * g[k];
            }
            return org.proxima.core.calc.CalculationResult.of(e, new double[3 * s.size()], new double[6]);
        }

        @Override
        public java.util.Set<org.proxima.core.calc.Property> implementedProperties() {
            return java.util.EnumSet.of(org.proxima.core.calc.Property.ENERGY);
        }
    }
}
