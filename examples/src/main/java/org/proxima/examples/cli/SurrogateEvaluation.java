package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.proxima.core.blend.UncertaintyMetric;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.io.AtomicOutput;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;

/**
 * {@code proxima evaluate --surrogate MODEL_DIR}: a saved ensemble's energy, forces, stress and uncertainty (the
 * controller's UQ, {@code uq_eV_per_A}) for every frame, and, where the input carries reference forces, the force
 * MAE, each frame's max-atom error ({@code max_atom_error_eV_per_A}, the paper's error measure) and the rank
 * correlation between UQ and error (does the UQ tell good predictions from bad?).
 */
final class SurrogateEvaluation {

    private SurrogateEvaluation() {
    }

    /**
     * @param modelDir the model directory
     * @param input the input's name, for messages
     * @param frames the frames
     * @param output the output extxyz (written whole on success)
     * @return what was measured (JSON-ready), also printed
     */
    static Map<String, Object> run(Path modelDir, Path input, Iterator<Frame> frames, Path output) {
        UncertaintyMetric uqMetric = UncertaintyMetric.meanDeviationNorm();
        List<Double> uqs = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        double absSum = 0;
        long components = 0;
        int count = 0;
        try (EnsembleSurrogate model = Ensembles.load(modelDir); AtomicOutput file = AtomicOutput.of(output);
                ExtXyzWriter out = ExtXyzWriter.create(file.path())) {
            for (; frames.hasNext(); count++) {
                Frame in = frames.next();
                EnsemblePrediction p = predict(model, modelDir, input, count, in);
                CalculationResult r = p.mean();
                double uq = uqMetric.uncertainty(p);
                Map<String, Object> info = new LinkedHashMap<>(in.info());
                info.keySet().removeAll(List.of("energy", "stress", "free_energy"));
                info.put("uq_eV_per_A", uq);
                if (in.result() != null && in.result().has(Property.FORCES)) {
                    double err = r.maxAtomForceDifferenceEvPerA(in.result());
                    info.put("max_atom_error_eV_per_A", err);
                    uqs.add(uq);
                    errors.add(err);
                    double[] a = r.forcesEvPerA();
                    double[] b = in.result().forcesEvPerA();
                    for (int k = 0; k < a.length; k++) {
                        absSum += Math.abs(a[k] - b[k]);
                    }
                    components += a.length;
                }
                out.write(new Frame(in.structure(), r, info, in.columns()));
            }
            if (count == 0) {
                throw new IllegalArgumentException("--input " + input + " holds no frames: nothing to evaluate");
            }
            out.close();
            file.commit();
        }
        return summarize(count, uqs, errors, components == 0 ? Double.NaN : absSum / components);
    }

    private static EnsemblePrediction predict(EnsembleSurrogate model, Path modelDir, Path input, int k, Frame in) {
        try {
            Ensembles.requireSpecies(model, in.structure());
            return model.predict(in.structure());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("--input " + input + ", frame " + k + ": " + e.getMessage()
                    + " (model " + modelDir + ")", e);
        }
    }

    private static Map<String, Object> summarize(int frames, List<Double> uqs, List<Double> errors, double mae) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frames", frames);
        m.put("frames_with_reference", errors.size());
        if (!errors.isEmpty()) {
            double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
            double[] u = uqs.stream().mapToDouble(Double::doubleValue).toArray();
            m.put("force_mae_eV_per_A", mae);
            m.put("max_atom_error_median_eV_per_A", StatUtils.percentile(e, 50));
            m.put("max_atom_error_mean_eV_per_A", StatUtils.mean(e));
            m.put("uq_error_rank_correlation", e.length < 3 ? null : new SpearmansCorrelation().correlation(u, e));
        }
        System.out.printf(Locale.ROOT, "Evaluated %d frames with the surrogate%s%n", frames, errors.isEmpty() ? ""
                : String.format(Locale.ROOT, "; against the reference forces of %d: force MAE %.4f eV/Å, max-atom "
                        + "error median %.4f / mean %.4f eV/Å, UQ–error rank correlation %s", errors.size(), mae,
                        m.get("max_atom_error_median_eV_per_A"), m.get("max_atom_error_mean_eV_per_A"),
                        m.get("uq_error_rank_correlation")));
        return m;
    }
}
