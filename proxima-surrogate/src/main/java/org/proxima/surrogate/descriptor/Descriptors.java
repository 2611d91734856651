package org.proxima.surrogate.descriptor;

/**
 * ANI descriptors of one structure with their derivatives: G (N × D, row-major) and, for every radial pair and
 * angular triplet, the derivative of its features with respect to its pair vectors d = r_j − r_i + image. From
 * these, {@link #forcesAndVirial} turns ∂E/∂G into forces and the virial exactly (chain rule), and
 * {@link #adjoint} turns ∂L/∂F and ∂L/∂W into ∂L/∂G, which is what training needs to differentiate a force and
 * stress loss through a network without second derivatives. Produced by {@link AniDescriptor}; immutable once
 * built (arrays are exposed to the package only).
 */
public final class Descriptors {

    /** Values below this magnitude are flushed to zero (float32 denormals slow matrix products ~7×). */
    static final double FLUSH = 1e-30;

    final int atoms;
    final int length;
    final int[] species;
    final double[] g;
    // radial pairs
    final int pairCount;
    final int[] pairCenter;
    final int[] pairNeighbor;
    final int[] pairOffset;
    final double[] pairVector;
    final double[] pairUnit;
    final double[] pairDerivative; // radialPerSpecies values per pair: dG/dR
    final int radialTerms;
    // angular triplets
    final int tripletCount;
    final int[] tripletCenter;
    final int[] tripletJ;
    final int[] tripletK;
    final int[] tripletOffset;
    final double[] tripletD1;
    final double[] tripletD2;
    /**
     * Factored derivative coefficients per triplet: h_z and dh_z (= ∂h_z/∂cos θ) for each angular function z (an
     * ANI angle section or a Legendre degree), then P1, Q1, P2, Q2, R for each radial function s (an ANI shift or a
     * pair of Gaussians of the product form); the feature (s, z) has ∂f/∂d1 = α1 d1 + β d2 and
     * ∂f/∂d2 = α2 d2 + β d1 with α1 = h_z P1_s + dh_z Q1_s, α2 = h_z P2_s + dh_z Q2_s, β = dh_z R_s.
     */
    final double[] tripletCoefficients;
    final int sections;
    final int shifts;
    final int angularTerms;

    Descriptors(int atoms, int length, int[] species, double[] g, int pairCount, int[] pairCenter, int[] pairNeighbor,
            int[] pairOffset, double[] pairVector, double[] pairUnit, double[] pairDerivative, int radialTerms,
            int tripletCount, int[] tripletCenter, int[] tripletJ, int[] tripletK, int[] tripletOffset,
            double[] tripletD1, double[] tripletD2, double[] tripletCoefficients, int sections, int shifts) {
        this.atoms = atoms;
        this.length = length;
        this.species = species;
        this.g = g;
        this.pairCount = pairCount;
        this.pairCenter = pairCenter;
        this.pairNeighbor = pairNeighbor;
        this.pairOffset = pairOffset;
        this.pairVector = pairVector;
        this.pairUnit = pairUnit;
        this.pairDerivative = pairDerivative;
        this.radialTerms = radialTerms;
        this.tripletCount = tripletCount;
        this.tripletCenter = tripletCenter;
        this.tripletJ = tripletJ;
        this.tripletK = tripletK;
        this.tripletOffset = tripletOffset;
        this.tripletD1 = tripletD1;
        this.tripletD2 = tripletD2;
        this.tripletCoefficients = tripletCoefficients;
        this.sections = sections;
        this.shifts = shifts;
        this.angularTerms = sections * shifts;
    }

    private int tripletWidth() {
        return 2 * sections + 5 * shifts;
    }

    /** @return number of atoms N */
    public int atomCount() {
        return atoms;
    }

    /** @return features per atom D */
    public int length() {
        return length;
    }

    /**
     * @param atom atom index
     * @return its species index
     */
    public int species(int atom) {
        return species[atom];
    }

    /**
     * @param atom atom index
     * @param feature feature index
     * @return G_{atom, feature}
     */
    public double value(int atom, int feature) {
        return g[atom * length + feature];
    }

    /** @return G as a row-major N × D copy */
    public double[] values() {
        return g.clone();
    }

    /**
     * Copies G of one atom, as float, into an array.
     *
     * @param atom atom index
     * @param out destination
     * @param offset where the atom's D values start
     */
    public void copyFloats(int atom, float[] out, int offset) {
        int base = atom * length;
        for (int f = 0; f < length; f++) {
            double v = g[base + f];
            out[offset + f] = Math.abs(v) < FLUSH ? 0f : (float) v;
        }
    }

    /**
     * Chain rule from ∂E/∂G to forces and virial.
     *
     * @param dEdG ∂E/∂G, row-major N × D
     * @param forcesOut receives F = −∂E/∂r (3N), eV/Å (overwritten)
     * @param virialOut receives W = Σ (∂E/∂d) ⊗ d in Voigt order xx yy zz yz xz xy, eV (overwritten); stress = W/V
     */
    public void forcesAndVirial(double[] dEdG, double[] forcesOut, double[] virialOut) {
        java.util.Arrays.fill(forcesOut, 0, 3 * atoms, 0.0);
        double wxx = 0;
        double wyy = 0;
        double wzz = 0;
        double wyz = 0;
        double wxz = 0;
        double wxy = 0;
        for (int p = 0; p < pairCount; p++) {
            int i = pairCenter[p];
            int base = i * length + pairOffset[p];
            double s = 0;
            for (int m = 0; m < radialTerms; m++) {
                s += dEdG[base + m] * pairDerivative[p * radialTerms + m];
            }
            double gx = s * pairUnit[3 * p];
            double gy = s * pairUnit[3 * p + 1];
            double gz = s * pairUnit[3 * p + 2];
            int j = pairNeighbor[p];
            forcesOut[3 * i] += gx;
            forcesOut[3 * i + 1] += gy;
            forcesOut[3 * i + 2] += gz;
            forcesOut[3 * j] -= gx;
            forcesOut[3 * j + 1] -= gy;
            forcesOut[3 * j + 2] -= gz;
            double dx = pairVector[3 * p];
            double dy = pairVector[3 * p + 1];
            double dz = pairVector[3 * p + 2];
            wxx += gx * dx;
            wyy += gy * dy;
            wzz += gz * dz;
            wyz += 0.5 * (gy * dz + gz * dy);
            wxz += 0.5 * (gx * dz + gz * dx);
            wxy += 0.5 * (gx * dy + gy * dx);
        }
        for (int t = 0; t < tripletCount; t++) {
            int i = tripletCenter[t];
            int base = i * length + tripletOffset[t];
            double a1 = 0;
            double b = 0;
            double a2 = 0;
            int c = t * tripletWidth();
            int sb = c + 2 * sections;
            for (int sh = 0; sh < shifts; sh++) {
                double u = 0;
                double v = 0;
                int wb = base + sh * sections;
                for (int z = 0; z < sections; z++) {
                    double w = dEdG[wb + z];
                    u += w * tripletCoefficients[c + z];
                    v += w * tripletCoefficients[c + sections + z];
                }
                a1 += u * tripletCoefficients[sb + 5 * sh] + v * tripletCoefficients[sb + 5 * sh + 1];
                a2 += u * tripletCoefficients[sb + 5 * sh + 2] + v * tripletCoefficients[sb + 5 * sh + 3];
                b += v * tripletCoefficients[sb + 5 * sh + 4];
            }
            double d1x = tripletD1[3 * t];
            double d1y = tripletD1[3 * t + 1];
            double d1z = tripletD1[3 * t + 2];
            double d2x = tripletD2[3 * t];
            double d2y = tripletD2[3 * t + 1];
            double d2z = tripletD2[3 * t + 2];
            // ∂E/∂d1 = a1 d1 + b d2; ∂E/∂d2 = a2 d2 + b d1
            double g1x = a1 * d1x + b * d2x;
            double g1y = a1 * d1y + b * d2y;
            double g1z = a1 * d1z + b * d2z;
            double g2x = a2 * d2x + b * d1x;
            double g2y = a2 * d2y + b * d1y;
            double g2z = a2 * d2z + b * d1z;
            int j = tripletJ[t];
            int k = tripletK[t];
            forcesOut[3 * i] += g1x + g2x;
            forcesOut[3 * i + 1] += g1y + g2y;
            forcesOut[3 * i + 2] += g1z + g2z;
            forcesOut[3 * j] -= g1x;
            forcesOut[3 * j + 1] -= g1y;
            forcesOut[3 * j + 2] -= g1z;
            forcesOut[3 * k] -= g2x;
            forcesOut[3 * k + 1] -= g2y;
            forcesOut[3 * k + 2] -= g2z;
            wxx += g1x * d1x + g2x * d2x;
            wyy += g1y * d1y + g2y * d2y;
            wzz += g1z * d1z + g2z * d2z;
            wyz += 0.5 * (g1y * d1z + g1z * d1y + g2y * d2z + g2z * d2y);
            wxz += 0.5 * (g1x * d1z + g1z * d1x + g2x * d2z + g2z * d2x);
            wxy += 0.5 * (g1x * d1y + g1y * d1x + g2x * d2y + g2y * d2x);
        }
        virialOut[0] = wxx;
        virialOut[1] = wyy;
        virialOut[2] = wzz;
        virialOut[3] = wyz;
        virialOut[4] = wxz;
        virialOut[5] = wxy;
    }

    /**
     * The transpose of {@link #forcesAndVirial}: ∂L/∂G from ∂L/∂F and ∂L/∂W, for a loss L of the forces and the
     * virial (both linear in ∂E/∂G).
     *
     * @param dLdF ∂L/∂F (3N)
     * @param dLdW ∂L/∂W in Voigt order (6), or null
     * @param out receives ∂L/∂G, row-major N × D (overwritten)
     */
    public void adjoint(double[] dLdF, double[] dLdW, double[] out) {
        java.util.Arrays.fill(out, 0, atoms * length, 0.0);
        double lxx = dLdW == null ? 0 : dLdW[0];
        double lyy = dLdW == null ? 0 : dLdW[1];
        double lzz = dLdW == null ? 0 : dLdW[2];
        double lyz = dLdW == null ? 0 : 0.5 * dLdW[3];
        double lxz = dLdW == null ? 0 : 0.5 * dLdW[4];
        double lxy = dLdW == null ? 0 : 0.5 * dLdW[5];
        for (int p = 0; p < pairCount; p++) {
            int i = pairCenter[p];
            int j = pairNeighbor[p];
            double dx = pairVector[3 * p];
            double dy = pairVector[3 * p + 1];
            double dz = pairVector[3 * p + 2];
            // ∂L/∂(∂E/∂d) = ∂L/∂F_i − ∂L/∂F_j + L_W · d (symmetrised)
            double qx = dLdF[3 * i] - dLdF[3 * j] + lxx * dx + lxy * dy + lxz * dz;
            double qy = dLdF[3 * i + 1] - dLdF[3 * j + 1] + lxy * dx + lyy * dy + lyz * dz;
            double qz = dLdF[3 * i + 2] - dLdF[3 * j + 2] + lxz * dx + lyz * dy + lzz * dz;
            double s = qx * pairUnit[3 * p] + qy * pairUnit[3 * p + 1] + qz * pairUnit[3 * p + 2];
            int base = i * length + pairOffset[p];
            for (int m = 0; m < radialTerms; m++) {
                out[base + m] += s * pairDerivative[p * radialTerms + m];
            }
        }
        for (int t = 0; t < tripletCount; t++) {
            int i = tripletCenter[t];
            int j = tripletJ[t];
            int k = tripletK[t];
            double d1x = tripletD1[3 * t];
            double d1y = tripletD1[3 * t + 1];
            double d1z = tripletD1[3 * t + 2];
            double d2x = tripletD2[3 * t];
            double d2y = tripletD2[3 * t + 1];
            double d2z = tripletD2[3 * t + 2];
            double q1x = dLdF[3 * i] - dLdF[3 * j] + lxx * d1x + lxy * d1y + lxz * d1z;
            double q1y = dLdF[3 * i + 1] - dLdF[3 * j + 1] + lxy * d1x + lyy * d1y + lyz * d1z;
            double q1z = dLdF[3 * i + 2] - dLdF[3 * j + 2] + lxz * d1x + lyz * d1y + lzz * d1z;
            double q2x = dLdF[3 * i] - dLdF[3 * k] + lxx * d2x + lxy * d2y + lxz * d2z;
            double q2y = dLdF[3 * i + 1] - dLdF[3 * k + 1] + lxy * d2x + lyy * d2y + lyz * d2z;
            double q2z = dLdF[3 * i + 2] - dLdF[3 * k + 2] + lxz * d2x + lyz * d2y + lzz * d2z;
            // ∂(∂E/∂d1)/∂w = α1 d1 + β d2 ; ∂(∂E/∂d2)/∂w = α2 d2 + β d1
            double q1d1 = q1x * d1x + q1y * d1y + q1z * d1z;
            double q1d2 = q1x * d2x + q1y * d2y + q1z * d2z;
            double q2d2 = q2x * d2x + q2y * d2y + q2z * d2z;
            double q2d1 = q2x * d1x + q2y * d1y + q2z * d1z;
            int base = i * length + tripletOffset[t];
            int c = t * tripletWidth();
            int sb = c + 2 * sections;
            for (int sh = 0; sh < shifts; sh++) {
                double p1 = tripletCoefficients[sb + 5 * sh];
                double qq1 = tripletCoefficients[sb + 5 * sh + 1];
                double p2 = tripletCoefficients[sb + 5 * sh + 2];
                double qq2 = tripletCoefficients[sb + 5 * sh + 3];
                double r = tripletCoefficients[sb + 5 * sh + 4];
                double hu = p1 * q1d1 + p2 * q2d2;
                double dv = qq1 * q1d1 + qq2 * q2d2 + r * (q1d2 + q2d1);
                int ob = base + sh * sections;
                for (int z = 0; z < sections; z++) {
                    out[ob + z] += tripletCoefficients[c + z] * hu + tripletCoefficients[c + sections + z] * dv;
                }
            }
        }
    }

    /**
     * The design matrix of an energy linear in the descriptors, E = Σ_i θ_{s_i} · G_i: the forces and the virial
     * produced by each parameter alone. Column c = s · D + f is parameter f of species s.
     *
     * @param speciesCount S
     * @param forceRows receives −∂²E/∂r∂θ, row-major 3N × (S·D) (overwritten)
     * @param virialRows receives ∂W/∂θ, row-major 6 × (S·D) in Voigt order (overwritten)
     */
    public void linearDesign(int speciesCount, double[] forceRows, double[] virialRows) {
        int cols = speciesCount * length;
        java.util.Arrays.fill(forceRows, 0, 3 * atoms * cols, 0.0);
        java.util.Arrays.fill(virialRows, 0, 6 * cols, 0.0);
        for (int p = 0; p < pairCount; p++) {
            int i = pairCenter[p];
            int j = pairNeighbor[p];
            int col0 = species[i] * length + pairOffset[p];
            double ux = pairUnit[3 * p];
            double uy = pairUnit[3 * p + 1];
            double uz = pairUnit[3 * p + 2];
            double dx = pairVector[3 * p];
            double dy = pairVector[3 * p + 1];
            double dz = pairVector[3 * p + 2];
            for (int m = 0; m < radialTerms; m++) {
                double s = pairDerivative[p * radialTerms + m];
                if (s == 0) {
                    continue;
                }
                addGradient(forceRows, virialRows, cols, col0 + m, i, j, s * ux, s * uy, s * uz, dx, dy, dz);
            }
        }
        for (int t = 0; t < tripletCount; t++) {
            int i = tripletCenter[t];
            int col0 = species[i] * length + tripletOffset[t];
            double d1x = tripletD1[3 * t];
            double d1y = tripletD1[3 * t + 1];
            double d1z = tripletD1[3 * t + 2];
            double d2x = tripletD2[3 * t];
            double d2y = tripletD2[3 * t + 1];
            double d2z = tripletD2[3 * t + 2];
            int c = t * tripletWidth();
            int sb = c + 2 * sections;
            for (int sh = 0; sh < shifts; sh++) {
                for (int z = 0; z < sections; z++) {
                    double h = tripletCoefficients[c + z];
                    double dh = tripletCoefficients[c + sections + z];
                    double a1 = h * tripletCoefficients[sb + 5 * sh] + dh * tripletCoefficients[sb + 5 * sh + 1];
                    double a2 = h * tripletCoefficients[sb + 5 * sh + 2] + dh * tripletCoefficients[sb + 5 * sh + 3];
                    double b = dh * tripletCoefficients[sb + 5 * sh + 4];
                    if (a1 == 0 && b == 0 && a2 == 0) {
                        continue;
                    }
                    int f = sh * sections + z;
                    addGradient(forceRows, virialRows, cols, col0 + f, i, tripletJ[t], a1 * d1x + b * d2x,
                            a1 * d1y + b * d2y, a1 * d1z + b * d2z, d1x, d1y, d1z);
                    addGradient(forceRows, virialRows, cols, col0 + f, i, tripletK[t], a2 * d2x + b * d1x,
                            a2 * d2y + b * d1y, a2 * d2z + b * d1z, d2x, d2y, d2z);
                }
            }
        }
    }

    private static void addGradient(double[] forceRows, double[] virialRows, int cols, int col, int i, int j,
            double gx, double gy, double gz, double dx, double dy, double dz) {
        forceRows[(3 * i) * cols + col] += gx;
        forceRows[(3 * i + 1) * cols + col] += gy;
        forceRows[(3 * i + 2) * cols + col] += gz;
        forceRows[(3 * j) * cols + col] -= gx;
        forceRows[(3 * j + 1) * cols + col] -= gy;
        forceRows[(3 * j + 2) * cols + col] -= gz;
        virialRows[col] += gx * dx;
        virialRows[cols + col] += gy * dy;
        virialRows[2 * cols + col] += gz * dz;
        virialRows[3 * cols + col] += 0.5 * (gy * dz + gz * dy);
        virialRows[4 * cols + col] += 0.5 * (gx * dz + gz * dx);
        virialRows[5 * cols + col] += 0.5 * (gx * dy + gy * dx);
    }

    /**
     * Per-species sums of the descriptors: the energy row of a linear model.
     *
     * @param speciesCount S
     * @param out receives Σ_{i of species s} G_i at s·D … s·D + D − 1 (overwritten), length S·D
     */
    public void speciesSums(int speciesCount, double[] out) {
        java.util.Arrays.fill(out, 0, speciesCount * length, 0.0);
        for (int i = 0; i < atoms; i++) {
            int base = species[i] * length;
            for (int f = 0; f < length; f++) {
                out[base + f] += g[i * length + f];
            }
        }
    }
}
