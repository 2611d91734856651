package org.proxima.surrogate.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.proxima.core.calc.Property;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.MemberSplit;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.surrogate.descriptor.AniParameters;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Trains an {@link NnEnsemble} as the paper's code does, member by member (DJL allows one gradient collector per
 * process): member m takes its fixed {@link MemberSplit} (about 90/10, each frame's side keyed on the ensemble's
 * seed so that it never changes across retrainings; optionally capped with recency bias),
 * continues from its previous weights (unless {@link NnSettings#resetWeights()}), refits the per-species reference
 * energies by least squares on its training frames, rescales a fresh network's output layer so that the per-atom
 * energy spread matches the data (a warm-started one is only re-centred), then runs Adam for the configured epochs over shuffled batches (last incomplete batch dropped,
 * as the reference's loader), and finally removes the mean energy offset again (forces do not constrain it). Per
 * frame of N atoms the loss is
 * <pre>
 * Huber_δE(ΔE)/√N + w_F Σ_{atoms, xyz} Huber_δF(ΔF)/N + w_W Σ_{3×3} Huber_δW(ΔW/N)
 * </pre>
 * averaged over the batch, with W = σV the virial, and multiplied by the frame's weight
 * ({@link org.proxima.core.surrogate.TrainingPoint#weight()}) over the mean weight of the member's training side (so
 * uniform weights leave it as it is; the reference energies and the capped subsample ignore the weights). The
 * force and virial terms depend on the networks' input gradients; their exact gradient is obtained with a
 * first-order backward pass: the network's input gradient g is an explicit forward graph ({@link MlpGraph}), F and
 * W are linear in g through the descriptor derivatives, so ∂L/∂g is computed exactly in Java
 * ({@link org.proxima.surrogate.descriptor.Descriptors#adjoint}) and the scalar Σ g ⊙ ∂L/∂g, whose parameter
 * gradient equals that of the force and virial loss, is added to the graph. Seeded end to end and bit-for-bit
 * reproducible with one intra-op thread. Trainings of different ensembles in one process take turns (DJL allows one
 * gradient collector per process); predictions may run concurrently.
 */
final class NnTrainer {

    private final AniParameters params;
    private final NnSettings settings;

    NnTrainer(AniParameters params, NnSettings settings) {
        this.params = params;
        this.settings = settings;
    }

    /** DJL allows one open gradient collector per process: trainings of different ensembles take turns. */
    private static final Object TRAINING_LOCK = new Object();

    EnsembleSurrogate.Trained fit(NnEnsemble previous, List<TrainingPoint> data, EnsembleSurrogate.FitOptions opts) {
        validate(data);
        synchronized (TRAINING_LOCK) {
            return train(previous, data, opts);
        }
    }

    private EnsembleSurrogate.Trained train(NnEnsemble previous, List<TrainingPoint> data,
            EnsembleSurrogate.FitOptions opts) {
        Engine engine = DjlRuntime.engine();
        long start = System.nanoTime();
        List<NnMember> trained = new ArrayList<>();
        List<TrainingReport.MemberReport> reports = new ArrayList<>();
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "proxima-descriptors");
            t.setDaemon(true);
            return t;
        });
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int m = 0; m < settings.members(); m++) {
                MemberSplit split = split(m, data.size(), previous.seed(), opts);
                RandomGenerator rng = new Well19937c(new int[] {(int) opts.seed(), (int) (opts.seed() >>> 32), m, 17});
                boolean warm = previous.isTrained() && !settings.resetWeights();
                NnMember from = warm ? previous.members().get(m) : initial(previous.seed(), m);
                MemberTrainer t = new MemberTrainer(params, settings, engine, manager, prefetch, data, split, rng,
                        from, !warm);
                NnMember member = t.run();
                checkFinite(member, m);
                trained.add(member);
                reports.add(new TrainingReport.MemberReport(m, split.train().length, split.validation().length,
                        t.epochs()));
            }
        } finally {
            prefetch.shutdownNow();
        }
        NnEnsemble next = new NnEnsemble(params, settings, previous.seed(), opts.version(), trained);
        return new EnsembleSurrogate.Trained(next, new TrainingReport(opts.version(), data.size(),
                (System.nanoTime() - start) / 1e9, reports));
    }

    /**
     * Member m's split: the side of every frame is keyed on the ensemble's own seed, which is the same for every fit
     * of the ensemble (so no frame changes side across retrainings, restarts included); the capped subsample and
     * the shuffles use the per-fit seed.
     *
     * @param member member index
     * @param frames training-set size
     * @param ensembleSeed the ensemble's seed
     * @param opts the fit's options
     * @return the split
     */
    static MemberSplit split(int member, int frames, long ensembleSeed, EnsembleSurrogate.FitOptions opts) {
        return MemberSplit.of(member, frames, ensembleSeed, opts.seed(), opts.maxSize(), opts.recencyBias());
    }

    private void validate(List<TrainingPoint> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Cannot train on an empty training set");
        }
        if (data.size() < settings.members()) {
            throw new IllegalArgumentException("Cannot train a " + settings.members() + "-member ensemble on "
                    + data.size() + " training points: give at least one point per member");
        }
        for (int k = 0; k < data.size(); k++) {
            TrainingPoint p = data.get(k);
            if (!p.result().has(Property.FORCES)) {
                throw new IllegalArgumentException("Training point " + k + " has no forces");
            }
            for (int i = 0; i < p.structure().size(); i++) {
                if (params.speciesIndex(p.structure().symbol(i)) < 0) {
                    throw new IllegalArgumentException("Training point " + k + " contains " + p.structure().symbol(i)
                            + ", which the model (species " + params.species() + ") was not built for");
                }
            }
        }
    }

    private static void checkFinite(NnMember member, int m) {
        for (MlpWeights w : member.networks()) {
            for (float v : w.flatten()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalStateException("Training member " + m + " diverged (non-finite weights); "
                            + "the previous ensemble is kept. Lower the learning rate or check the labels");
                }
            }
        }
    }

    private NnMember initial(long seed, int member) {
        RandomGenerator rng = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), member, 0x1417});
        List<MlpWeights> nets = new ArrayList<>();
        int[] hidden = settings.hidden();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = params.length();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        for (int s = 0; s < params.speciesCount(); s++) {
            nets.add(MlpWeights.initialise(sizes, rng));
        }
        return new NnMember(nets, new double[params.speciesCount()]);
    }

    /**
     * The loss and its gradient for one batch at given weights, without an update (for tests of the gradient).
     *
     * @param member the weights and reference energies
     * @param batch the frames
     * @return the loss and gradient
     */
    MemberTrainer.StepResult lossAndGradient(NnMember member, List<TrainingPoint> batch) {
        Engine engine = DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            MemberTrainer t = new MemberTrainer(params, settings, engine, manager, null, batch,
                    new MemberSplit(new int[0], new int[0]), new Well19937c(1), member, false);
            return t.lossAndGradient(batch);
        }
    }
}
