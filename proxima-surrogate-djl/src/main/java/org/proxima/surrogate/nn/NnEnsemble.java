package org.proxima.surrogate.nn;

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

import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleFormat;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.descriptor.AniDescriptor;
import org.proxima.surrogate.descriptor.AniParameters;
import org.proxima.surrogate.descriptor.AniParametersJson;
import org.proxima.surrogate.descriptor.Descriptors;

/**
 * An ensemble of ANI-style neural networks (Smith et al. 2017, as the paper's TorchANI surrogate): per species a
 * multilayer perceptron maps an atom's descriptor to its energy; E = Σ atomic energies + Σ per-species reference
 * energies. Forces and stress come from the descriptor derivatives chained with the networks' input gradients,
 * which are computed as explicit forward operations on DJL's PyTorch engine (loaded offline). Members differ in
 * initialisation and data split; see {@link NnTrainer} for the training. The model (weights, settings, version) is
 * immutable: {@link #fit} returns a new ensemble warm-started from this one. Its native inference state (the
 * networks' constants on the PyTorch engine) is created by the first prediction and released by {@link #close()};
 * a closed ensemble refuses to predict, so closing one that is still in use is an error, not a silent re-creation.
 * Predictions are serialised (one at a time per ensemble).
 */
public final class NnEnsemble implements EnsembleSurrogate {

    private final AniParameters params;
    private final NnSettings settings;
    private final long seed;
    private final long version;
    private final List<NnMember> members;
    private final ThreadLocal<AniDescriptor> descriptor;
    private NnInference inference;
    private boolean closed;

    NnEnsemble(AniParameters params, NnSettings settings, long seed, long version, List<NnMember> members) {
        this.params = params;
        this.settings = settings;
        this.seed = seed;
        this.version = version;
        this.members = members == null ? null : List.copyOf(members);
        this.descriptor = ThreadLocal.withInitial(() -> new AniDescriptor(params));
    }

    /**
     * An untrained ensemble with the paper's descriptors and settings.
     *
     * @param species element symbols
     * @param seed seed of the initial weights, splits and shuffles
     * @return the ensemble
     */
    public static NnEnsemble untrained(List<String> species, long seed) {
        return untrained(AniParameters.paperDefaults(species), NnSettings.defaults(), seed);
    }

    /**
     * An untrained ensemble.
     *
     * @param params descriptor parameters
     * @param settings architecture and training settings
     * @param seed seed of the initial weights, splits and shuffles
     * @return the ensemble
     */
    public static NnEnsemble untrained(AniParameters params, NnSettings settings, long seed) {
        return new NnEnsemble(params, settings, seed, 0, null);
    }

    @Override
    public synchronized EnsemblePrediction predict(Structure structure) {
        if (members == null) {
            throw new IllegalStateException("The neural-network ensemble is not trained yet");
        }
        if (closed) {
            throw new IllegalStateException("The neural-network ensemble v" + version + " was closed; its native "
                    + "memory is released and it cannot predict");
        }
        if (inference == null) {
            inference = new NnInference(members);
        }
        Descriptors d = descriptor.get().compute(structure);
        List<FrameRows> frame = List.of(FrameRows.of(d, 0));
        int n = structure.size();
        int dim = params.length();
        int m = members.size();
        double[] energies = new double[m];
        double[][] dEdG = new double[m][n * dim];
        for (int s = 0; s < params.speciesCount(); s++) {
            SpeciesBatch rows = SpeciesBatch.of(frame, s, dim);
            if (rows.size() == 0) {
                continue;
            }
            float[][] e = new float[m][rows.size()];
            float[][] g = new float[m][rows.size() * dim];
            inference.evaluate(s, rows.x(), rows.size(), dim, e, g);
            for (int k = 0; k < m; k++) {
                double ref = members.get(k).referenceEnergiesEv()[s];
                for (int r = 0; r < rows.size(); r++) {
                    energies[k] += e[k][r] + ref;
                    int base = rows.atom()[r] * dim;
                    for (int f = 0; f < dim; f++) {
                        dEdG[k][base + f] = g[k][r * dim + f];
                    }
                }
            }
        }
        double[][] forces = new double[m][3 * n];
        double[][] stress = new double[m][6];
        double volume = structure.cell().volumeA3();
        double[] w = new double[6];
        for (int k = 0; k < m; k++) {
            d.forcesAndVirial(dEdG[k], forces[k], w);
            for (int c = 0; c < 6; c++) {
                stress[k][c] = w[c] / volume;
            }
        }
        return EnsemblePrediction.of(n, energies, forces, stress);
    }

    @Override
    public Trained fit(List<TrainingPoint> data, FitOptions options) {
        return new NnTrainer(params, settings).fit(this, data, options);
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean isTrained() {
        return members != null;
    }

    @Override
    public int memberCount() {
        return settings.members();
    }

    @Override
    public Set<String> species() {
        return new LinkedHashSet<>(params.species());
    }

    /** @return the members (null before training) */
    List<NnMember> members() {
        return members;
    }

    /** @return the seed */
    long seed() {
        return seed;
    }

    /** @return the descriptor parameters */
    public AniParameters parameters() {
        return params;
    }

    /** @return the settings */
    public NnSettings settings() {
        return settings;
    }

    /** The model-directory and checkpoint format of the network ensemble. */
    public static final String FORMAT = "proxima-nn-ensemble";

    /**
     * The ensemble as a map (descriptor parameters, settings, version, every member's weights and reference
     * energies; floats written exactly), read back bit for bit by {@link #fromMap}.
     *
     * @return the map
     */
    @Override
    public Map<String, Object> toMap() {
        if (members == null) {
            throw new IllegalStateException("Nothing to save: the ensemble is not trained");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("format_version", AniParametersJson.ensembleFormatVersion(params));
        m.put("model_version", version);
        m.put("seed", seed);
        m.put("descriptor", AniParametersJson.toMap(params));
        m.put("settings", settings.toMap());
        List<Object> list = new ArrayList<>();
        members.forEach(member -> list.add(member.toMap()));
        m.put("members", list);
        return m;
    }

    /**
     * Reads back a map written by {@link #toMap()}.
     *
     * @param m the map
     * @return the ensemble
     * @throws IllegalArgumentException if the map is not a network ensemble of a known format version
     */
    @SuppressWarnings("unchecked")
    public static NnEnsemble fromMap(Map<String, Object> m) {
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("Not a neural-network ensemble (format " + m.get("format") + ")");
        }
        AniParametersJson.requireEnsembleFormatVersion(m, "Neural-network ensemble");
        List<NnMember> members = new ArrayList<>();
        for (Object o : (List<Object>) m.get("members")) {
            members.add(NnMember.fromMap((Map<String, Object>) o));
        }
        return new NnEnsemble(AniParametersJson.fromMap((Map<String, Object>) m.get("descriptor")),
                NnSettings.fromMap((Map<String, Object>) m.get("settings")), ((Number) m.get("seed")).longValue(),
                ((Number) m.get("model_version")).longValue(), members);
    }

    /**
     * Saves the ensemble to a model directory as {@code nn-ensemble.json}, so that {@link #load} reproduces its
     * predictions bit for bit.
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
     * @throws IllegalArgumentException if the directory holds no network ensemble
     */
    public static NnEnsemble load(Path dir) {
        if (!(Ensembles.load(dir) instanceof NnEnsemble n)) {
            throw new IllegalArgumentException(dir + " does not hold a neural-network ensemble");
        }
        return n;
    }

    /** Reads network ensembles for {@link Ensembles} (registered through ServiceLoader). */
    public static final class Format implements EnsembleFormat {
        @Override
        public String format() {
            return FORMAT;
        }

        @Override
        public String fileName() {
            return "nn-ensemble.json";
        }

        @Override
        public EnsembleSurrogate fromMap(Map<String, Object> map) {
            return NnEnsemble.fromMap(map);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (inference != null) {
            inference.close();
            inference = null;
        }
    }
}
