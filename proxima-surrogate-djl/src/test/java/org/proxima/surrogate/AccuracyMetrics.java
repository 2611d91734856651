package org.proxima.surrogate;

import java.util.List;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.proxima.core.blend.UncertaintyMetric;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;

/**
 * Held-out accuracy of an ensemble: force MAE against the force RMS, stress MAE against the stress RMS (all
 * components), and the Spearman rank correlation between the ensemble UQ and the per-frame max force error.
 *
 * @param forceMae mean absolute force-component error, eV/Å
 * @param forceRms RMS of the force components, eV/Å
 * @param stressMae mean absolute stress-component error, eV/Å³
 * @param stressRms RMS of the stress components, eV/Å³
 * @param energyMaePerAtom mean absolute energy error per atom, eV
 * @param spearman rank correlation of UQ with the per-frame max-atom force error
 */
public record AccuracyMetrics(double forceMae, double forceRms, double stressMae, double stressRms,
        double energyMaePerAtom, double spearman) {

    /**
     * @param model the ensemble
     * @param test held-out frames
     * @return the metrics
     */
    public static AccuracyMetrics of(EnsembleSurrogate model, List<TrainingPoint> test) {
        double fAbs = 0;
        double fSq = 0;
        long fN = 0;
        double sAbs = 0;
        double sSq = 0;
        long sN = 0;
        double eAbs = 0;
        double[] uq = new double[test.size()];
        double[] err = new double[test.size()];
        UncertaintyMetric metric = UncertaintyMetric.meanDeviationNorm();
        for (int k = 0; k < test.size(); k++) {
            TrainingPoint p = test.get(k);
            EnsemblePrediction pred = model.predict(p.structure());
            double[] f = pred.mean().forcesEvPerA();
            double[] t = p.result().forcesEvPerA();
            double maxErr = 0;
            for (int c = 0; c < f.length; c++) {
                fAbs += Math.abs(f[c] - t[c]);
                fSq += t[c] * t[c];
                fN++;
            }
            for (int i = 0; i < f.length; i += 3) {
                double dx = f[i] - t[i];
                double dy = f[i + 1] - t[i + 1];
                double dz = f[i + 2] - t[i + 2];
                maxErr = Math.max(maxErr, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            double[] s = pred.mean().stressEvPerA3();
            double[] st = p.result().stressEvPerA3();
            for (int c = 0; c < 6; c++) {
                sAbs += Math.abs(s[c] - st[c]);
                sSq += st[c] * st[c];
                sN++;
            }
            eAbs += Math.abs(pred.mean().energyEv() - p.result().energyEv()) / p.structure().size();
            uq[k] = metric.uncertainty(pred);
            err[k] = maxErr;
        }
        return new AccuracyMetrics(fAbs / fN, Math.sqrt(fSq / fN), sAbs / sN, Math.sqrt(sSq / sN), eAbs / test.size(),
                new SpearmansCorrelation().correlation(uq, err));
    }

    @Override
    public String toString() {
        return String.format("force MAE %.4f eV/Å (%.1f%% of RMS %.4f), stress MAE %.2e eV/Å³ (%.1f%% of RMS %.2e), "
                + "energy MAE %.5f eV/atom, Spearman(UQ, error) %.3f", forceMae, 100 * forceMae / forceRms, forceRms,
                stressMae, 100 * stressMae / stressRms, stressRms, energyMaePerAtom, spearman);
    }
}
