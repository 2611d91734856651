package org.proxima.surrogate;

import java.util.List;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.proxima.core.blend.UncertaintyMetric;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;

/**
 * Held-out accuracy of an ensemble: force MAE against the force RMS, stress MAE against the stress RMS (all
 * components), and two Spearman rank correlations between ensemble UQ and per-frame force error: the frame's mean
 * atomic force-error norm against the atom-averaged UQ ({@link UncertaintyMetric#atomAveragedDeviationNorm()}), and
 * the frame's largest atomic force error against the controller's default max-over-atoms UQ
 * ({@link UncertaintyMetric#meanDeviationNorm()}).
 *
 * @param forceMae mean absolute force-component error, eV/Å
 * @param forceRms RMS of the force components, eV/Å
 * @param stressMae mean absolute stress-component error, eV/Å³
 * @param stressRms RMS of the stress components, eV/Å³
 * @param energyMaePerAtom mean absolute energy error per atom, eV
 * @param spearman rank correlation of the atom-averaged UQ with the per-frame mean atomic force error
 * @param spearmanMax rank correlation of the max-over-atoms UQ with the per-frame largest atomic force error
 */
public record AccuracyMetrics(double forceMae, double forceRms, double stressMae, double stressRms,
        double energyMaePerAtom, double spearman, double spearmanMax) {

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
        double[] uqMax = new double[test.size()];
        double[] errMax = new double[test.size()];
        UncertaintyMetric metric = UncertaintyMetric.atomAveragedDeviationNorm();
        UncertaintyMetric maxMetric = UncertaintyMetric.meanDeviationNorm();
        for (int k = 0; k < test.size(); k++) {
            TrainingPoint p = test.get(k);
            EnsemblePrediction pred = model.predict(p.structure());
            double[] f = pred.mean().forcesEvPerA();
            double[] t = p.result().forcesEvPerA();
            double maxErr = 0;
            double meanErr = 0;
            for (int c = 0; c < f.length; c++) {
                fAbs += Math.abs(f[c] - t[c]);
                fSq += t[c] * t[c];
                fN++;
            }
            for (int i = 0; i < f.length; i += 3) {
                double dx = f[i] - t[i];
                double dy = f[i + 1] - t[i + 1];
                double dz = f[i + 2] - t[i + 2];
                double e = Math.sqrt(dx * dx + dy * dy + dz * dz);
                maxErr = Math.max(maxErr, e);
                meanErr += e / p.structure().size();
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
            err[k] = meanErr;
            uqMax[k] = maxMetric.uncertainty(pred);
            errMax[k] = maxErr;
        }
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        return new AccuracyMetrics(fAbs / fN, Math.sqrt(fSq / fN), sAbs / sN, Math.sqrt(sSq / sN), eAbs / test.size(),
                spearman.correlation(uq, err), spearman.correlation(uqMax, errMax));
    }

    @Override
    public String toString() {
        return String.format("force MAE %.4f eV/Å (%.1f%% of RMS %.4f), stress MAE %.2e eV/Å³ (%.1f%% of RMS %.2e), "
                + "energy MAE %.5f eV/atom, Spearman(UQ, error) atom-mean %.3f, max %.3f", forceMae,
                100 * forceMae / forceRms, forceRms, stressMae, 100 * stressMae / stressRms, stressRms, energyMaePerAtom,
                spearman, spearmanMax);
    }
}
