package org.proxima.surrogate.linear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.proxima.core.calc.Property;
import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleFormat;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.surrogate.descriptor.AniDescriptor;
import org.proxima.surrogate.descriptor.AniParameters;
import org.proxima.surrogate.descriptor.AniParametersJson;
import org.proxima.surrogate.descriptor.Descriptors;

/**
 * An ensemble of models whose atomic energy is linear in the ANI descriptors, E = Σ_i (θ_{s_i} · G_i + b_{s_i}),
 * fitted in closed form by ridge-regularised least squares to energies, forces and virials jointly:
 * <pre>
 * minimise Σ_frames c_m,f [ (ΔE/√N)² + w_F Σ (ΔF)²/N + w_S Σ (ΔW/N)² ] + λ |θ|²
 * </pre>
 * (the least-squares analogue of the neural network's loss; W = σV is the virial, eV). Member m weights frame f by
 * c_m,f = k_m,f · w_f: the frame's own weight ({@link TrainingPoint#weight()}, 1 unless the run weighs audits
 * by 1/p) times k_m,f ~ Poisson(1) (the online form of a bootstrap resample), drawn from a generator seeded by
 * the ensemble's seed, m and f, so the normal equations accumulate incrementally: a refit after k new frames costs k
 * frame contributions plus one (S·D + S)² solve. The training-size cap, recency bias and per-fit seed of
 * {@link FitOptions} are not used (all frames are fitted; it is cheap). Pure Java (EJML); no native code.
 */
public final class LinearEnsemble implements EnsembleSurrogate {

    /** Default ensemble size. */
    public static final int DEFAULT_MEMBERS = 2;

    /**
     * Default ridge, relative to the mean diagonal of the normal matrix. Measured on held-out SW Si frames
     * (docs/surrogates.md): 1e-8 gives the lowest force error (1.7% of the force RMS) but an uncertainty almost
     * unrelated to the error (Spearman 0.15); 1e-5 costs little accuracy (2.2%) and gives Spearman 0.5.
     */
    public static final double DEFAULT_RIDGE = 1e-5;

    private final AniParameters params;
    private final int members;
    private final double forceWeight;
    private final double virialWeight;
    private final double ridge;
    private final long seed;
    private final long version;
    private final double[][] theta; // per member: S·D weights then S biases
    private final Accumulated accumulated;
    private final ThreadLocal<AniDescriptor> descriptor;

    /** Normal equations per member, the frames they hold, and how many of those the last fit had to add. */
    private record Accumulated(double[][] a, double[][] b, List<TrainingPoint> frames, int added) {
    }

    private LinearEnsemble(AniParameters params, int members, double forceWeight, double virialWeight, double ridge,
            long seed, long version, double[][] theta, Accumulated accumulated) {
        this.params = params;
        this.members = members;
        this.forceWeight = forceWeight;
        this.virialWeight = virialWeight;
        this.ridge = ridge;
        this.seed = seed;
        this.version = version;
        this.theta = theta;
        this.accumulated = accumulated;
        this.descriptor = ThreadLocal.withInitial(() -> new AniDescriptor(params));
    }

    /**
     * An untrained ensemble with the default weights (forces 10, virial 1, ridge {@value #DEFAULT_RIDGE}) and the
     * paper's descriptors.
     *
     * @param species element symbols
     * @param members ensemble size (≥ 1)
     * @param seed seed of the bootstrap weights
     * @return the ensemble
     */
    public static LinearEnsemble untrained(List<String> species, int members, long seed) {
        return untrained(species, members, DEFAULT_RIDGE, seed);
    }

    /**
     * An untrained ensemble with the default loss weights (forces 10, virial 1) and the paper's descriptors.
     *
     * @param species element symbols
     * @param members ensemble size (≥ 1)
     * @param ridge λ, relative to the mean diagonal of the normal matrix (≥ 0; smaller fits closer and lets the
     *     members agree more, see {@link #DEFAULT_RIDGE})
     * @param seed seed of the bootstrap weights
     * @return the ensemble
     */
    public static LinearEnsemble untrained(List<String> species, int members, double ridge, long seed) {
        return untrained(AniParameters.paperDefaults(species), members, ridge, seed);
    }

    /**
     * An untrained ensemble with the default loss weights (forces 10, virial 1) on the given descriptors.
     *
     * @param params descriptor parameters (e.g. {@link AniParameters#extended}, which SW fits closer)
     * @param members ensemble size (≥ 1)
     * @param ridge λ, relative to the mean diagonal of the normal matrix (≥ 0)
     * @param seed seed of the bootstrap weights
     * @return the ensemble
     */
    public static LinearEnsemble untrained(AniParameters params, int members, double ridge, long seed) {
        return untrained(params, members, 10.0, 1.0, ridge, seed);
    }

    /**
     * An untrained ensemble.
     *
     * @param params descriptor parameters
     * @param members ensemble size (≥ 1)
     * @param forceWeight w_F
     * @param virialWeight w_S (on the virial per atom, eV)
     * @param ridge λ, relative to the mean diagonal of the normal matrix
     * @param seed seed of the bootstrap weights
     * @return the ensemble
     */
    public static LinearEnsemble untrained(AniParameters params, int members, double forceWeight, double virialWeight,
            double ridge, long seed) {
        if (members < 1) {
            throw new IllegalArgumentException("Ensemble size must be ≥ 1, got " + members);
        }
        if (!(forceWeight >= 0) || !(virialWeight >= 0) || !(ridge >= 0)) {
            throw new IllegalArgumentException("Loss weights and ridge must be ≥ 0; got force weight " + forceWeight
                    + ", virial weight " + virialWeight + ", ridge " + ridge);
        }
        return new LinearEnsemble(params, members, forceWeight, virialWeight, ridge, seed, 0, null, null);
    }

    private int parameterCount() {
        return params.speciesCount() * params.length() + params.speciesCount();
    }

    @Override
    public EnsemblePrediction predict(Structure structure) {
        if (theta == null) {
            throw new IllegalStateException("The linear ensemble is not trained yet");
        }
        Descriptors d = descriptor.get().compute(structure);
        int n = structure.size();
        int len = params.length();
        int s = params.speciesCount();
        double[] energies = new double[members];
        double[][] forces = new double[members][3 * n];
        double[][] stress = new double[members][6];
        double[] dEdG = new double[n * len];
        double[] w = new double[6];
        double volume = structure.cell().volumeA3();
        for (int m = 0; m < members; m++) {
            double[] t = theta[m];
            double e = 0;
            for (int i = 0; i < n; i++) {
                int sp = d.species(i);
                System.arraycopy(t, sp * len, dEdG, i * len, len);
                for (int f = 0; f < len; f++) {
                    e += t[sp * len + f] * d.value(i, f);
                }
                e += t[s * len + sp];
            }
            energies[m] = e;
            d.forcesAndVirial(dEdG, forces[m], w);
            for (int k = 0; k < 6; k++) {
                stress[m][k] = w[k] / volume;
            }
        }
        return EnsemblePrediction.of(n, energies, forces, stress);
    }

    @Override
    public Trained fit(List<TrainingPoint> data, FitOptions options) {
        if (data.size() < members) {
            throw new IllegalArgumentException("Cannot fit a " + members + "-member linear ensemble to "
                    + data.size() + " training points: give at least one point per member");
        }
        long start = System.nanoTime();
        int p = parameterCount();
        boolean extend = accumulated != null && isPrefix(accumulated.frames(), data);
        double[][] a = new double[members][];
        double[][] b = new double[members][];
        int from;
        if (extend) {
            for (int m = 0; m < members; m++) {
                a[m] = accumulated.a()[m].clone();
                b[m] = accumulated.b()[m].clone();
            }
            from = accumulated.frames().size();
        } else {
            for (int m = 0; m < members; m++) {
                a[m] = new double[p * p];
                b[m] = new double[p];
            }
            from = 0;
        }
        FrameContribution work = new FrameContribution(p);
        for (int f = from; f < data.size(); f++) {
            TrainingPoint point = data.get(f);
            if (!point.result().has(Property.FORCES)) {
                throw new IllegalArgumentException("Training point " + f + " has no forces");
            }
            work.compute(point);
            for (int m = 0; m < members; m++) {
                int c = poisson(seed, m, f);
                if (c > 0) {
                    work.addTo(a[m], b[m], c * point.weight());
                }
            }
        }
        double[][] solved = new double[members][];
        for (int m = 0; m < members; m++) {
            solved[m] = solve(a[m], b[m], p);
        }
        LinearEnsemble next = new LinearEnsemble(params, members, forceWeight, virialWeight, ridge, seed,
                options.version(), solved, new Accumulated(a, b, List.copyOf(data), data.size() - from));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<TrainingReport.MemberReport> reports = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            reports.add(new TrainingReport.MemberReport(m, data.size(), 0,
                    List.of(new TrainingReport.EpochMetrics(1, Double.NaN, Double.NaN, Double.NaN, Double.NaN))));
        }
        return new Trained(next, new TrainingReport(options.version(), data.size(), seconds, reports));
    }

    /** The contribution of one frame to the normal equations (energy, force and virial rows). */
    private final class FrameContribution {
        private final int p;
        private final double[] energyRow;
        private double[] forceRows = new double[0];
        private final double[] virialRows;
        private double[] targetForces;
        private double energyTarget;
        private double[] virialTarget;
        private int atoms;
        private final double[] frameA;
        private final double[] frameB;
        private boolean ready;

        FrameContribution(int p) {
            this.p = p;
            this.frameA = new double[p * p];
            this.frameB = new double[p];
            this.energyRow = new double[p];
            this.virialRows = new double[6 * (p - params.speciesCount())];
        }

        void compute(TrainingPoint point) {
            ready = false;
            Structure s = point.structure();
            Descriptors d = descriptor.get().compute(s);
            atoms = s.size();
            int cols = p - params.speciesCount();
            if (forceRows.length < 3 * atoms * cols) {
                forceRows = new double[3 * atoms * cols];
            }
            d.speciesSums(params.speciesCount(), energyRow);
            java.util.Arrays.fill(energyRow, cols, p, 0.0);
            for (int i = 0; i < atoms; i++) {
                energyRow[cols + d.species(i)] += 1;
            }
            d.linearDesign(params.speciesCount(), forceRows, virialRows);
            targetForces = point.result().forcesEvPerA();
            energyTarget = point.result().energyEv();
            virialTarget = point.result().has(Property.STRESS) ? point.result().stressEvPerA3() : null;
            if (virialTarget != null) {
                for (int k = 0; k < 6; k++) {
                    virialTarget[k] *= s.cell().volumeA3();
                }
            }
        }

        /** Adds weight × this frame's normal-equation contribution (computed once per frame). */
        void addTo(double[] a, double[] b, double weight) {
            if (!ready) {
                java.util.Arrays.fill(frameA, 0.0);
                java.util.Arrays.fill(frameB, 0.0);
                int cols = p - params.speciesCount();
                // energy row, weight 1/N (residual ΔE/√N)
                addRow(frameA, frameB, energyRow, 0, p, energyTarget, 1.0 / atoms);
                double wf = forceWeight / atoms;
                for (int r = 0; r < 3 * atoms; r++) {
                    addRow(frameA, frameB, forceRows, r * cols, cols, targetForces[r], wf);
                }
                if (virialTarget != null && virialWeight > 0) {
                    double ws = virialWeight / ((double) atoms * atoms);
                    for (int r = 0; r < 6; r++) {
                        double w = r < 3 ? ws : 2 * ws; // off-diagonals count twice in the 3×3 tensor
                        addRow(frameA, frameB, virialRows, r * cols, cols, virialTarget[r], w);
                    }
                }
                ready = true;
            }
            for (int k = 0; k < frameA.length; k++) {
                a[k] += weight * frameA[k];
            }
            for (int k = 0; k < frameB.length; k++) {
                b[k] += weight * frameB[k];
            }
        }

        private void addRow(double[] a, double[] b, double[] rows, int offset, int width, double y, double w) {
            for (int c1 = 0; c1 < width; c1++) {
                double x1 = rows[offset + c1];
                if (x1 == 0) {
                    continue;
                }
                double wx1 = w * x1;
                b[c1] += wx1 * y;
                int base = c1 * p;
                for (int c2 = 0; c2 < width; c2++) {
                    a[base + c2] += wx1 * rows[offset + c2];
                }
            }
        }
    }

    private double[] solve(double[] aIn, double[] bIn, int p) {
        DMatrixRMaj a = new DMatrixRMaj(p, p, true, aIn);
        double trace = 0;
        for (int k = 0; k < p; k++) {
            trace += a.get(k, k);
        }
        double reg = ridge * Math.max(trace / p, 1e-12);
        for (int k = 0; k < p - params.speciesCount(); k++) {
            a.add(k, k, reg); // the per-species biases are not regularised
        }
        for (int k = p - params.speciesCount(); k < p; k++) {
            a.add(k, k, 1e-12 * Math.max(trace / p, 1));
        }
        DMatrixRMaj b = new DMatrixRMaj(p, 1, true, bIn);
        DMatrixRMaj x = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        if (!solver.setA(a)) {
            solver = LinearSolverFactory_DDRM.leastSquares(p, p);
            if (!solver.setA(a)) {
                throw new IllegalStateException("Linear ensemble: singular normal equations");
            }
        }
        solver.solve(b, x);
        double[] out = x.getData().clone();
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("Linear ensemble fit produced non-finite weights (bad labels?)");
            }
        }
        CommonOps_DDRM.fill(x, 0);
        return out;
    }

    private static int poisson(long seed, int member, int frame) {
        Well19937c rng = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), member, frame});
        return new PoissonDistribution(rng, 1.0, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }

    private static boolean isPrefix(List<TrainingPoint> prefix, List<TrainingPoint> all) {
        if (prefix.size() > all.size()) {
            return false;
        }
        for (int k = 0; k < prefix.size(); k++) {
            if (prefix.get(k) != all.get(k)) {
                return false;
            }
        }
        return true;
    }

    /** @return frames whose descriptors the fit that made this model had to process (the rest were reused) */
    int framesAddedByLastFit() {
        return accumulated == null ? 0 : accumulated.added();
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean isTrained() {
        return theta != null;
    }

    @Override
    public int memberCount() {
        return members;
    }

    @Override
    public Set<String> species() {
        return new LinkedHashSet<>(params.species());
    }

    /** @return the descriptor parameters */
    public AniParameters parameters() {
        return params;
    }

    /** The model-directory and checkpoint format of the linear ensemble. */
    public static final String FORMAT = "proxima-linear-ensemble";

    /**
     * The ensemble as a map (descriptor parameters, weights, version, seed; weights with full double precision), read
     * back bit for bit by {@link #fromMap}.
     *
     * @return the map
     */
    @Override
    public Map<String, Object> toMap() {
        if (theta == null) {
            throw new IllegalStateException("Nothing to save: the linear ensemble is not trained");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", AniParametersJson.ensembleFormatVersion(params));
        m.put("model_version", version);
        m.put("descriptor", AniParametersJson.toMap(params));
        m.put("force_weight", forceWeight);
        m.put("virial_weight", virialWeight);
        m.put("ridge", ridge);
        m.put("seed", seed);
        List<Object> t = new ArrayList<>();
        for (double[] th : theta) {
            t.add(th);
        }
        m.put("members", t);
        return m;
    }

    /**
     * Reads back a map written by {@link #toMap()}.
     *
     * @param m the map
     * @return the ensemble (trained; a later fit starts its normal equations afresh)
     * @throws IllegalArgumentException if the map is not a linear ensemble of a known format version
     */
    @SuppressWarnings("unchecked")
    public static LinearEnsemble fromMap(Map<String, Object> m) {
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("Not a linear ensemble (format " + m.get("format") + ")");
        }
        AniParametersJson.requireEnsembleFormatVersion(m, "Linear ensemble");
        AniParameters p = AniParametersJson.fromMap((Map<String, Object>) m.get("descriptor"));
        List<Object> t = (List<Object>) m.get("members");
        double[][] theta = new double[t.size()][];
        for (int k = 0; k < theta.length; k++) {
            Object row = t.get(k);
            theta[k] = row instanceof double[] d ? d.clone()
                    : ((List<Object>) row).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        }
        return new LinearEnsemble(p, theta.length, AniParametersJson.num(m, "force_weight"),
                AniParametersJson.num(m, "virial_weight"), AniParametersJson.num(m, "ridge"),
                ((Number) m.get("seed")).longValue(), ((Number) m.get("model_version")).longValue(), theta, null);
    }

    /**
     * Saves the ensemble to a model directory as {@code linear-ensemble.json}.
     *
     * @param dir the directory (created if needed)
     */
    public void save(Path dir) {
        Ensembles.save(this, dir);
    }

    /**
     * Loads an ensemble saved by {@link #save}.
     *
     * @param dir the directory
     * @return the ensemble
     * @throws IllegalArgumentException if the directory holds no linear ensemble
     */
    public static LinearEnsemble load(Path dir) {
        if (!(Ensembles.load(dir) instanceof LinearEnsemble l)) {
            throw new IllegalArgumentException(dir + " does not hold a linear ensemble");
        }
        return l;
    }

    /** Reads linear ensembles for {@link Ensembles} (registered through ServiceLoader). */
    public static final class Format implements EnsembleFormat {
        @Override
        public String format() {
            return FORMAT;
        }

        @Override
        public String fileName() {
            return "linear-ensemble.json";
        }

        @Override
        public EnsembleSurrogate fromMap(Map<String, Object> map) {
            return LinearEnsemble.fromMap(map);
        }
    }
}
