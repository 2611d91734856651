package org.proxima.core.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;

/**
 * A stand-in ensemble for core tests: member m predicts the target plus a deterministic perturbation (seeded by the
 * structure's positions, the member and the model version) whose size grows with the distance from the training
 * data: amplitude = base + growth × min over training structures of the RMS position difference (Å). So the
 * members disagree more away from the data, and the error of their mean grows with their disagreement.
 */
public final class SyntheticEnsemble implements EnsembleSurrogate {

    private final ForceCalculator target;
    private final int members;
    private final double base;
    private final double growth;
    private final long version;
    private final List<double[]> training;
    private final Predicate<Structure> nanWhen;
    private final long fitMillis;
    private int predictions;

    private SyntheticEnsemble(ForceCalculator target, int members, double base, double growth, long version,
            List<double[]> training, Predicate<Structure> nanWhen, long fitMillis) {
        this.target = target;
        this.members = members;
        this.base = base;
        this.growth = growth;
        this.version = version;
        this.training = training;
        this.nanWhen = nanWhen;
        this.fitMillis = fitMillis;
    }

    /**
     * An untrained ensemble.
     *
     * @param target the analytic target it imitates
     * @param members M
     * @param baseEvPerA perturbation amplitude at the training data, eV/Å
     * @param growthEvPerA2 growth of the amplitude per Å of RMS distance, eV/Å²
     * @return the ensemble (version 0)
     */
    public static SyntheticEnsemble untrained(ForceCalculator target, int members, double baseEvPerA,
            double growthEvPerA2) {
        return new SyntheticEnsemble(target, members, baseEvPerA, growthEvPerA2, 0, null, s -> false, 0);
    }

    /**
     * A copy that is already trained (on nothing: amplitude = base everywhere... plus growth × 0).
     *
     * @param trainedOn structures it counts as training data
     * @return the trained ensemble, version 1
     */
    public SyntheticEnsemble pretrained(List<Structure> trainedOn) {
        List<double[]> t = new ArrayList<>();
        trainedOn.forEach(s -> t.add(s.positionsA()));
        return new SyntheticEnsemble(target, members, base, growth, 1, t, nanWhen, fitMillis);
    }

    /**
     * @param when structures for which the prediction is NaN
     * @return a copy that predicts NaN there
     */
    public SyntheticEnsemble withNanWhen(Predicate<Structure> when) {
        return new SyntheticEnsemble(target, members, base, growth, version, training, when, fitMillis);
    }

    /**
     * @param millis time each fit takes
     * @return a copy with slow fits
     */
    public SyntheticEnsemble withFitMillis(long millis) {
        return new SyntheticEnsemble(target, members, base, growth, version, training, nanWhen, millis);
    }

    @Override
    public EnsemblePrediction predict(Structure s) {
        if (training == null) {
            throw new IllegalStateException("SyntheticEnsemble is not trained");
        }
        predictions++;
        CalculationResult t = target.calculate(s);
        double[] x = s.positionsA();
        double dist = Double.POSITIVE_INFINITY;
        for (double[] y : training) {
            if (y.length != x.length) {
                continue;
            }
            double sum = 0;
            for (int k = 0; k < x.length; k++) {
                sum += (x[k] - y[k]) * (x[k] - y[k]);
            }
            dist = Math.min(dist, Math.sqrt(sum / s.size()));
        }
        double amp = base + growth * (Double.isInfinite(dist) ? 1.0 : dist);
        long h = Arrays.hashCode(x) * 31L + version;
        double[] e = new double[members];
        double[][] f = new double[members][];
        double[][] st = new double[members][];
        boolean nan = nanWhen.test(s);
        for (int m = 0; m < members; m++) {
            SplittableRandom rng = new SplittableRandom(h * 1000003L + m);
            e[m] = nan ? Double.NaN : t.energyEv() + amp * s.size() * 0.01 * rng.nextGaussian();
            f[m] = t.forcesEvPerA();
            for (int k = 0; k < f[m].length; k++) {
                f[m][k] += amp * rng.nextGaussian();
            }
            st[m] = t.stressEvPerA3();
            for (int k = 0; k < 6; k++) {
                st[m][k] += amp * 1e-3 * rng.nextGaussian();
            }
        }
        return EnsemblePrediction.of(s.size(), e, f, st);
    }

    @Override
    public Trained fit(List<TrainingPoint> data, FitOptions options) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Empty training set");
        }
        if (fitMillis > 0) {
            try {
                Thread.sleep(fitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<double[]> t = new ArrayList<>();
        data.forEach(p -> t.add(p.structure().positionsA()));
        SyntheticEnsemble next = new SyntheticEnsemble(target, members, base, growth, options.version(), t, nanWhen,
                fitMillis);
        return new Trained(next, new TrainingReport(options.version(), data.size(), fitMillis / 1000.0, List.of()));
    }

    /** Format name of {@link #toMap()}. */
    public static final String FORMAT = "test-synthetic-ensemble";

    @Override
    public java.util.Map<String, Object> toMap() {
        if (training == null) {
            throw new IllegalStateException("Nothing to save: not trained");
        }
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("members", members);
        m.put("base", base);
        m.put("growth", growth);
        m.put("model_version", version);
        m.put("fit_millis", fitMillis);
        m.put("training", new ArrayList<Object>(training));
        return m;
    }

    /**
     * Reads back a map of {@link #toMap()} (the target is {@link MorsePotential#siliconLike()}; NaN predicates are
     * not saved).
     *
     * @param m the map
     * @return the ensemble
     */
    @SuppressWarnings("unchecked")
    static SyntheticEnsemble fromMap(java.util.Map<String, Object> m) {
        List<double[]> t = new ArrayList<>();
        for (Object o : (List<Object>) m.get("training")) {
            t.add(((List<Object>) o).stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
        }
        return new SyntheticEnsemble(MorsePotential.siliconLike(), ((Number) m.get("members")).intValue(),
                ((Number) m.get("base")).doubleValue(), ((Number) m.get("growth")).doubleValue(),
                ((Number) m.get("model_version")).longValue(), t, s -> false,
                ((Number) m.get("fit_millis")).longValue());
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean isTrained() {
        return training != null;
    }

    @Override
    public int memberCount() {
        return members;
    }

    @Override
    public Set<String> species() {
        return Set.of("Si");
    }

    /** @return predictions made by this instance */
    public int predictions() {
        return predictions;
    }
}
