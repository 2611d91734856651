package org.proxima.surrogate.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.proxima.core.surrogate.MemberSplit;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.surrogate.descriptor.AniDescriptor;
import org.proxima.surrogate.descriptor.AniParameters;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Trains one ensemble member (see {@link NnTrainer} for the recipe). Descriptors of the next batch, and of the
 * validation frames after the last batch, are computed on the prefetch thread while the current batch trains; the
 * float descriptor rows of every training frame are kept for the fit so that energy-scale passes need no
 * descriptor recomputation. Not thread-safe; one instance per member and fit.
 */
final class MemberTrainer {

    /** Frames per chunk in energy-only and validation passes. */
    private static final int CHUNK = 64;

    private final AniParameters params;
    private final NnSettings settings;
    private final Engine engine;
    private final NDManager manager;
    private final ExecutorService prefetch;
    private final List<TrainingPoint> data;
    private final MemberSplit split;
    private final RandomGenerator rng;
    private final ThreadLocal<AniDescriptor> descriptors;
    private final Map<Integer, FrameRows> energyRows = new ConcurrentHashMap<>();
    private final Uploads uploads = new Uploads();
    private final int species;
    private final int dim;
    private final List<TrainingReport.EpochMetrics> epochs = new ArrayList<>();
    private final float[][] flat;
    private final MlpWeights[] shapes;
    private final boolean fresh;
    private final double meanWeight;
    private double[] reference;

    /**
     * @param fresh true when {@code start} holds newly initialised weights (the output layer is then scaled to the
     *     data's energy spread), false for a warm start
     */
    MemberTrainer(AniParameters params, NnSettings settings, Engine engine, NDManager manager,
            ExecutorService prefetch, List<TrainingPoint> data, MemberSplit split, RandomGenerator rng,
            NnMember start, boolean fresh) {
        this.params = params;
        this.settings = settings;
        this.engine = engine;
        this.manager = manager;
        this.prefetch = prefetch;
        this.data = data;
        this.split = split;
        this.rng = rng;
        this.descriptors = ThreadLocal.withInitial(() -> new AniDescriptor(params, 0));
        this.species = params.speciesCount();
        this.dim = params.length();
        this.shapes = start.networks().toArray(new MlpWeights[0]);
        this.flat = new float[species][];
        for (int s = 0; s < species; s++) {
            flat[s] = shapes[s].flatten();
        }
        this.reference = start.referenceEnergiesEv();
        this.fresh = fresh;
        this.meanWeight = meanWeight(data, split.train());
    }

    /** Mean weight of the training side: frame losses scale by weight / mean, so uniform weights change nothing. */
    private static double meanWeight(List<TrainingPoint> data, int[] train) {
        double sum = 0;
        for (int k : train) {
            sum += data.get(k).weight();
        }
        return train.length == 0 ? 1 : sum / train.length;
    }

    /** @return per-epoch training and validation errors so far */
    List<TrainingReport.EpochMetrics> epochs() {
        return List.copyOf(epochs);
    }

    /**
     * Runs the training.
     *
     * @return the trained member
     */
    NnMember run() {
        int[] train = split.train();
        reference = ReferenceEnergies.fit(data, train, params);
        if (fresh) {
            adjustEnergyScale(train);
        } else {
            recentre(train);
        }
        AdamOptimizer adam = new AdamOptimizer(flat, settings.learningRate());
        int batch = Math.max(1, Math.min(settings.batchSize(), train.length));
        int batches = Math.max(1, train.length / batch); // the last incomplete batch is dropped, as the reference's
        List<TrainingFrame> validation = List.of();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            int[] order = shuffled(train);
            ErrorTally trainErrors = new ErrorTally();
            Future<List<TrainingFrame>> next = prefetch.submit(() -> prepare(order, 0, batch));
            Future<List<TrainingFrame>> valid = null;
            for (int k = 0; k < batches; k++) {
                List<TrainingFrame> current = get(next);
                if (k + 1 < batches) {
                    int from = (k + 1) * batch;
                    next = prefetch.submit(() -> prepare(order, from, batch));
                } else {
                    int[] v = split.validation();
                    valid = prefetch.submit(() -> prepare(v, 0, v.length));
                }
                adam.update(flat, step(current, trainErrors).gradients());
            }
            validation = get(valid);
            ErrorTally v = validate(validation);
            epochs.add(new TrainingReport.EpochMetrics(epoch, trainErrors.energyMaeEvPerAtom(),
                    trainErrors.forceMaeEvPerA(), v.energyMaeEvPerAtom(), v.forceMaeEvPerA()));
        }
        if (settings.epochs() > 0) {
            // forces do not pin the constant of the atomic energy and Adam's noise lets it drift: re-centre, and
            // report the validation error of the model actually returned
            recentre(train);
            ErrorTally v = validate(validation);
            TrainingReport.EpochMetrics last = epochs.remove(epochs.size() - 1);
            epochs.add(new TrainingReport.EpochMetrics(last.epoch(), last.trainEnergyMaeEvPerAtom(),
                    last.trainForceMaeEvPerA(), v.energyMaeEvPerAtom(), v.forceMaeEvPerA()));
        }
        List<MlpWeights> nets = new ArrayList<>();
        for (int s = 0; s < species; s++) {
            nets.add(shapes[s].withParameters(flat[s]));
        }
        return new NnMember(nets, reference);
    }

    private int[] shuffled(int[] indices) {
        int[] a = indices.clone();
        for (int k = a.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            int t = a[k];
            a[k] = a[j];
            a[j] = t;
        }
        return a;
    }

    private List<TrainingFrame> prepare(int[] order, int from, int count) {
        List<TrainingFrame> out = new ArrayList<>();
        for (int k = from; k < Math.min(order.length, from + count); k++) {
            out.add(prepare(order[k]));
        }
        return out;
    }

    private TrainingFrame prepare(int index) {
        TrainingFrame f = TrainingFrame.of(index, descriptors.get(), data.get(index));
        energyRows.putIfAbsent(index, f.rows());
        return f;
    }

    private FrameRows energyRows(int index) {
        FrameRows rows = energyRows.get(index);
        return rows != null ? rows : prepare(index).rows();
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Training interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Predicted and true per-atom energies (reference removed) of some frames, with the current weights. */
    private double[][] perAtomEnergies(int[] frames) {
        double[] pred = new double[frames.length];
        double[] truth = new double[frames.length];
        for (int from = 0; from < frames.length; from += CHUNK) {
            int to = Math.min(frames.length, from + CHUNK);
            List<FrameRows> chunk = new ArrayList<>();
            for (int k = from; k < to; k++) {
                chunk.add(energyRows(frames[k]));
            }
            double[] e = networkEnergies(chunk);
            for (int k = from; k < to; k++) {
                FrameRows r = chunk.get(k - from);
                pred[k] = e[k - from] / r.atoms();
                truth[k] = (r.energyEv() - r.referenceTotalEv(reference)) / r.atoms();
            }
        }
        return new double[][] {pred, truth};
    }

    /**
     * The paper's adjust_energy_scale: scale the output layer so that the spread of per-atom energies matches the
     * data (sign flipped if they anti-correlate), then remove the mean offset. Applied to fresh weights only: the
     * paper's code applies it at every training call, which rescales, and can flip, the forces of a warm-started
     * model whose per-atom energies do not yet correlate with the data, undoing what it had learnt.
     */
    private void adjustEnergyScale(int[] train) {
        double[][] pt = perAtomEnergies(train);
        StandardDeviation sd = new StandardDeviation();
        double sdPred = sd.evaluate(pt[0]);
        double sdTrue = sd.evaluate(pt[1]);
        if (sdPred > 0 && sdTrue > 0) {
            double scale = sdTrue / sdPred * (new Covariance().covariance(pt[0], pt[1]) < 0 ? -1 : 1);
            for (int s = 0; s < species; s++) {
                shapes[s] = shapes[s].withParameters(flat[s]).scaledOutput(scale, 0);
                System.arraycopy(shapes[s].flatten(), 0, flat[s], 0, flat[s].length);
            }
        }
        recentre(train);
    }

    /** Removes the mean per-atom energy offset (prediction − truth) over the training frames from the output bias. */
    private void recentre(int[] train) {
        double[][] pt = perAtomEnergies(train);
        double shift = 0;
        for (int k = 0; k < train.length; k++) {
            shift += pt[0][k] - pt[1][k];
        }
        shift /= Math.max(1, train.length);
        for (int s = 0; s < species; s++) {
            shapes[s] = shapes[s].withParameters(flat[s]).scaledOutput(1, shift);
            System.arraycopy(shapes[s].flatten(), 0, flat[s], 0, flat[s].length);
        }
    }

    /** Parameter arrays of the current weights for one species, in a sub-manager. */
    private NDArray[][] parameters(NDManager sub, int s, boolean gradients) {
        int[] sizes = shapes[s].sizes();
        int layers = sizes.length - 1;
        NDArray[] w = new NDArray[layers];
        NDArray[] b = new NDArray[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            w[l] = uploads.floats(sub, "w" + s + "_" + l, Arrays.copyOfRange(flat[s], offset, offset + in * out),
                    new Shape(in, out));
            offset += in * out;
            b[l] = uploads.floats(sub, "b" + s + "_" + l, Arrays.copyOfRange(flat[s], offset, offset + out),
                    new Shape(out));
            offset += out;
            if (gradients) {
                w[l].setRequiresGradient(true);
                b[l].setRequiresGradient(true);
            }
        }
        return new NDArray[][] {w, b};
    }

    /** Network energy sums (reference excluded) of some frames, energies only. */
    private double[] networkEnergies(List<FrameRows> frames) {
        double[] e = new double[frames.size()];
        try (NDManager sub = manager.newSubManager()) {
            for (int s = 0; s < species; s++) {
                SpeciesBatch rows = SpeciesBatch.of(frames, s, dim);
                if (rows.size() == 0) {
                    continue;
                }
                NDArray[][] wb = parameters(sub, s, false);
                NDArray xs = uploads.floats(sub, "x" + s, rows.x(), new Shape(rows.size(), dim));
                float[] atomE = MlpGraph.energy(xs, wb[0], wb[1]).toFloatArray();
                for (int r = 0; r < rows.size(); r++) {
                    e[rows.frame()[r]] += atomE[r];
                }
            }
        }
        return e;
    }

    /** Energy and force errors of frames with the current weights. */
    private ErrorTally validate(List<TrainingFrame> frames) {
        ErrorTally tally = new ErrorTally();
        for (int from = 0; from < frames.size(); from += CHUNK) {
            List<TrainingFrame> chunk = frames.subList(from, Math.min(frames.size(), from + CHUNK));
            try (NDManager sub = manager.newSubManager()) {
                Evaluated ev = evaluate(sub, chunk, false);
                for (int f = 0; f < chunk.size(); f++) {
                    TrainingFrame p = chunk.get(f);
                    double[] force = new double[3 * p.atoms()];
                    p.descriptors().forcesAndVirial(ev.dEdG[f], force, new double[6]);
                    tally.add(ev.energies[f] + p.rows().referenceTotalEv(reference) - p.rows().energyEv(), p.atoms(),
                            force, p.forcesEvPerA());
                }
            }
        }
        return tally;
    }

    /** A batch's forward pass: per-frame network energies, ∂E/∂G, and the graph's arrays. */
    private record Evaluated(double[] energies, double[][] dEdG, NDArray[] gradients, NDArray frameEnergies,
            SpeciesBatch[] rows, NDArray[][][] parameters) {
    }

    private Evaluated evaluate(NDManager sub, List<TrainingFrame> batch, boolean gradients) {
        int b = batch.size();
        List<FrameRows> frameRows = new ArrayList<>();
        double[][] dEdG = new double[b][];
        for (int f = 0; f < b; f++) {
            frameRows.add(batch.get(f).rows());
            dEdG[f] = new double[batch.get(f).atoms() * dim];
        }
        NDArray total = null;
        NDArray[] gradientArrays = new NDArray[species];
        NDArray[][][] wb = new NDArray[species][][];
        SpeciesBatch[] rowsBySpecies = new SpeciesBatch[species];
        for (int s = 0; s < species; s++) {
            SpeciesBatch rows = SpeciesBatch.of(frameRows, s, dim);
            rowsBySpecies[s] = rows;
            if (rows.size() == 0) {
                continue;
            }
            wb[s] = parameters(sub, s, gradients);
            NDArray xs = uploads.floats(sub, "x" + s, rows.x(), new Shape(rows.size(), dim));
            NDArray[] out = MlpGraph.energyAndGradient(xs, wb[s][0], null, wb[s][1]);
            NDArray segment = uploads.floats(sub, "seg" + s, rows.segmentMatrix(b), new Shape(b, rows.size()));
            NDArray frameE = segment.matMul(out[0]);
            total = total == null ? frameE : total.add(frameE);
            gradientArrays[s] = out[1];
            float[] g = out[1].toFloatArray();
            for (int r = 0; r < rows.size(); r++) {
                double[] target = dEdG[rows.frame()[r]];
                int base = rows.atom()[r] * dim;
                for (int f = 0; f < dim; f++) {
                    target[base + f] = g[r * dim + f];
                }
            }
        }
        float[] te = total.toFloatArray();
        double[] energies = new double[b];
        for (int f = 0; f < b; f++) {
            energies[f] = te[f];
        }
        return new Evaluated(energies, dEdG, gradientArrays, total, rowsBySpecies, wb);
    }

    /**
     * The loss and its gradient at the current weights.
     *
     * @param loss the loss value (energy, force and virial terms)
     * @param gradients ∂loss/∂parameters, per species in {@link MlpWeights#flatten()} order
     */
    record StepResult(double loss, float[][] gradients) {
    }

    /**
     * The loss of a batch and its gradient at the current weights, without an update.
     *
     * @param batch the frames
     * @param errors receives the batch's errors
     * @return loss and gradient
     */
    StepResult step(List<TrainingFrame> batch, ErrorTally errors) {
        int b = batch.size();
        try (NDManager sub = manager.newSubManager(); GradientCollector collector = engine.newGradientCollector()) {
            Evaluated ev = evaluate(sub, batch, true);
            // energy term in the graph: mean_b Huber_δE(E_pred − (E − E_ref)) / √N
            float[] target = new float[b];
            float[] frameWeight = new float[b];
            for (int f = 0; f < b; f++) {
                TrainingFrame p = batch.get(f);
                target[f] = (float) (p.rows().energyEv() - p.rows().referenceTotalEv(reference));
                frameWeight[f] = (float) (p.weight() / meanWeight / Math.sqrt(p.atoms()) / b);
            }
            // constants are PyTorch-owned tensors, never DJL's number overloads (see MlpGraph.scalar)
            NDArray abs = ev.frameEnergies.sub(uploads.floats(sub, "target", target, new Shape(b, 1))).abs();
            NDArray delta = MlpGraph.scalar(sub, (float) settings.energyDelta());
            NDArray m = abs.minimum(delta);
            NDArray huber = m.square().mul(MlpGraph.scalar(sub, 0.5f)).add(abs.sub(m).mul(delta));
            NDArray loss = huber.mul(uploads.floats(sub, "weight", frameWeight, new Shape(b, 1))).sum();
            double lossValue = loss.getFloat();
            // force and virial terms: ∂L/∂g computed exactly in Java, injected as Σ g ⊙ ∂L/∂g
            double[][] adjoint = new double[b][];
            for (int f = 0; f < b; f++) {
                TrainingFrame p = batch.get(f);
                lossValue += forceAndVirialAdjoint(p, ev.dEdG[f], ev.energies[f] - target[f],
                        b, p.weight() / meanWeight, errors,
                        adjoint[f] = new double[p.atoms() * dim]);
            }
            for (int s = 0; s < species; s++) {
                SpeciesBatch rows = ev.rows[s];
                if (rows.size() == 0) {
                    continue;
                }
                double[] v = new double[rows.size() * dim];
                for (int r = 0; r < rows.size(); r++) {
                    System.arraycopy(adjoint[rows.frame()[r]], rows.atom()[r] * dim, v, r * dim, dim);
                }
                NDArray vs = uploads.floats(sub, "v" + s, v, new Shape(rows.size(), dim));
                loss = loss.add(ev.gradients[s].mul(vs).sum());
            }
            collector.backward(loss);
            float[][] grads = new float[species][];
            for (int s = 0; s < species; s++) {
                grads[s] = new float[flat[s].length];
                if (ev.parameters[s] == null) {
                    continue;
                }
                int offset = 0;
                NDArray[] w = ev.parameters[s][0];
                NDArray[] bias = ev.parameters[s][1];
                for (int l = 0; l < w.length; l++) {
                    float[] gw = w[l].getGradient().toFloatArray();
                    System.arraycopy(gw, 0, grads[s], offset, gw.length);
                    offset += gw.length;
                    float[] gb = bias[l].getGradient().toFloatArray();
                    System.arraycopy(gb, 0, grads[s], offset, gb.length);
                    offset += gb.length;
                }
            }
            return new StepResult(lossValue, grads);
        }
    }

    /**
     * The force and virial loss of one frame and its adjoint ∂L/∂(∂E/∂G).
     *
     * @param relativeWeight the frame's weight over the mean weight of the training side (1 for uniform weights)
     * @return the frame's force and virial loss (already divided by the batch size and weighted)
     */
    private double forceAndVirialAdjoint(TrainingFrame p, double[] dEdG, double energyError, int b,
            double relativeWeight,
            ErrorTally errors, double[] adjointOut) {
        int n = p.atoms();
        double[] force = new double[3 * n];
        double[] w = new double[6];
        p.descriptors().forcesAndVirial(dEdG, force, w);
        errors.add(energyError, n, force, p.forcesEvPerA());
        double loss = 0;
        double[] dLdF = new double[3 * n];
        double[] target = p.forcesEvPerA();
        for (int c = 0; c < dLdF.length; c++) {
            double err = force[c] - target[c];
            // × relativeWeight last: uniform weights (1.0) leave every value bit for bit as without weights
            dLdF[c] = settings.forceWeight() * Huber.slope(err, settings.forceDelta()) / n / b * relativeWeight;
            loss += settings.forceWeight() * Huber.value(err, settings.forceDelta()) / n / b * relativeWeight;
        }
        double[] dLdW = null;
        if (p.virialEv() != null && settings.virialWeight() > 0) {
            dLdW = new double[6];
            for (int c = 0; c < 6; c++) {
                double perAtom = (w[c] - p.virialEv()[c]) / n;
                double mult = c < 3 ? 1 : 2; // off-diagonal Voigt entries appear twice in the 3×3 sum
                double scale = settings.virialWeight() * mult;
                dLdW[c] = scale * Huber.slope(perAtom, settings.virialDelta()) / n / b * relativeWeight;
                loss += scale * Huber.value(perAtom, settings.virialDelta()) / b * relativeWeight;
            }
        }
        p.descriptors().adjoint(dLdF, dLdW, adjointOut);
        return loss;
    }

    /**
     * The loss and gradient for given frames at the current weights (for tests of the gradient).
     *
     * @param points the frames
     * @return loss and gradient
     */
    StepResult lossAndGradient(List<TrainingPoint> points) {
        List<TrainingFrame> frames = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            frames.add(TrainingFrame.of(k, descriptors.get(), points.get(k)));
        }
        return step(frames, new ErrorTally());
    }
}
