package org.proxima.surrogate.nn;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.descriptor.AniParameters;

/** Per-species reference energies by least squares of frame energies on species counts (as the paper's code). */
final class ReferenceEnergies {

    private ReferenceEnergies() {
    }

    /**
     * @param data training points
     * @param frames indices of the frames to fit on
     * @param params descriptor parameters (the species order)
     * @return one reference energy per species, eV
     */
    static double[] fit(List<TrainingPoint> data, int[] frames, AniParameters params) {
        int species = params.speciesCount();
        DMatrixRMaj a = new DMatrixRMaj(species, species);
        DMatrixRMaj b = new DMatrixRMaj(species, 1);
        for (int f : frames) {
            TrainingPoint p = data.get(f);
            double[] count = new double[species];
            for (int i = 0; i < p.structure().size(); i++) {
                count[params.speciesIndex(p.structure().symbol(i))]++;
            }
            for (int s = 0; s < species; s++) {
                b.add(s, 0, count[s] * p.result().energyEv());
                for (int t = 0; t < species; t++) {
                    a.add(s, t, count[s] * count[t]);
                }
            }
        }
        // a tiny ridge keeps species that never occur (or always occur in the same ratio) solvable
        for (int s = 0; s < species; s++) {
            a.add(s, s, 1e-9 * (1 + a.get(s, s)));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(species, species);
        if (!solver.setA(a)) {
            throw new IllegalStateException("Reference-energy fit is singular");
        }
        DMatrixRMaj x = new DMatrixRMaj(species, 1);
        solver.solve(b, x);
        return x.getData().clone();
    }
}
