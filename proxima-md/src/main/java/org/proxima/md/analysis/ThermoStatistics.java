package org.proxima.md.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;

import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * Records, at every observed step, time, temperature, pressure, volume, density and the conserved quantity, and
 * summarises them after an equilibration prefix: means with block-averaged standard errors, the largest |dV/dt|
 * (the paper's Figure 3 metric, from consecutive observations) and the linear drift of the conserved quantity.
 * Attach it every step for |dV/dt|.
 */
public final class ThermoStatistics implements Observer, Checkpointable {

    private final DoubleSeries steps = new DoubleSeries();
    private final DoubleSeries timesFs = new DoubleSeries();
    private final DoubleSeries temperatureK = new DoubleSeries();
    private final DoubleSeries pressureGpa = new DoubleSeries();
    private final DoubleSeries volumeA3 = new DoubleSeries();
    private final DoubleSeries densityGPerCm3 = new DoubleSeries();
    private final DoubleSeries conservedEv = new DoubleSeries();
    private int atoms;

    @Override
    public void observe(Snapshot s) {
        atoms = s.atomCount();
        steps.add(s.step());
        timesFs.add(s.timeFs());
        temperatureK.add(s.temperatureK());
        pressureGpa.add(s.pressureGpa());
        volumeA3.add(s.volumeA3());
        densityGPerCm3.add(s.densityGPerCm3());
        conservedEv.add(s.conservedEnergyEv());
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putLong("atoms", atoms).putDoubles("steps", steps.toArray())
                .putDoubles("times_fs", timesFs.toArray()).putDoubles("temperature_K", temperatureK.toArray())
                .putDoubles("pressure_GPa", pressureGpa.toArray()).putDoubles("volume_A3", volumeA3.toArray())
                .putDoubles("density_g_cm3", densityGPerCm3.toArray()).putDoubles("conserved_eV", conservedEv.toArray());
    }

    @Override
    public void restoreState(StateMap state) {
        atoms = (int) state.getLong("atoms");
        steps.setAll(state.getDoubles("steps"));
        timesFs.setAll(state.getDoubles("times_fs"));
        temperatureK.setAll(state.getDoubles("temperature_K"));
        pressureGpa.setAll(state.getDoubles("pressure_GPa"));
        volumeA3.setAll(state.getDoubles("volume_A3"));
        densityGPerCm3.setAll(state.getDoubles("density_g_cm3"));
        conservedEv.setAll(state.getDoubles("conserved_eV"));
    }

    private int firstIndex(long equilibrationSteps) {
        int k = 0;
        while (k < steps.size() && steps.get(k) < equilibrationSteps) {
            k++;
        }
        return k;
    }

    /**
     * @param series one of the recorded series
     * @param equilibrationSteps steps to skip
     * @return mean and SE after the prefix
     */
    private BlockAverage.Estimate estimate(DoubleSeries series, long equilibrationSteps) {
        return BlockAverage.of(series.tail(firstIndex(equilibrationSteps)));
    }

    /**
     * @param equilibrationSteps steps to skip
     * @return temperature, K
     */
    public BlockAverage.Estimate temperature(long equilibrationSteps) {
        return estimate(temperatureK, equilibrationSteps);
    }

    /**
     * @param equilibrationSteps steps to skip
     * @return pressure including the kinetic term, GPa
     */
    public BlockAverage.Estimate pressure(long equilibrationSteps) {
        return estimate(pressureGpa, equilibrationSteps);
    }

    /**
     * @param equilibrationSteps steps to skip
     * @return volume, Å³
     */
    public BlockAverage.Estimate volume(long equilibrationSteps) {
        return estimate(volumeA3, equilibrationSteps);
    }

    /**
     * @param equilibrationSteps steps to skip
     * @return density, g/cm³
     */
    public BlockAverage.Estimate density(long equilibrationSteps) {
        return estimate(densityGPerCm3, equilibrationSteps);
    }

    /**
     * Largest |V(t_{k+1}) − V(t_k)| / (t_{k+1} − t_k) over consecutive observations after the prefix.
     *
     * @param equilibrationSteps steps to skip
     * @return max |dV/dt|, Å³/fs (0 with fewer than two observations)
     */
    public double maxAbsVolumeRateA3PerFs(long equilibrationSteps) {
        int from = firstIndex(equilibrationSteps);
        double max = 0;
        for (int k = from + 1; k < volumeA3.size(); k++) {
            double dt = timesFs.get(k) - timesFs.get(k - 1);
            max = Math.max(max, Math.abs(volumeA3.get(k) - volumeA3.get(k - 1)) / dt);
        }
        return max;
    }

    /**
     * Least-squares slope of the conserved quantity per atom after the prefix.
     *
     * @param equilibrationSteps steps to skip
     * @return drift, eV/atom/ps (NaN without a conserved quantity)
     */
    public double conservedDriftEvPerAtomPerPs(long equilibrationSteps) {
        int from = firstIndex(equilibrationSteps);
        int n = conservedEv.size() - from;
        if (n < 2) {
            return Double.NaN;
        }
        SimpleRegression fit = new SimpleRegression();
        for (int k = from; k < conservedEv.size(); k++) {
            fit.addData(timesFs.get(k) / 1000.0, conservedEv.get(k) / atoms);
        }
        return fit.getSlope();
    }

    /**
     * Standard deviation of the conserved quantity per atom after the prefix.
     *
     * @param equilibrationSteps steps to skip
     * @return fluctuation, eV/atom
     */
    public double conservedFluctuationEvPerAtom(long equilibrationSteps) {
        double[] e = conservedEv.tail(firstIndex(equilibrationSteps));
        double mean = 0;
        for (double v : e) {
            mean += v;
        }
        mean /= e.length;
        double s = 0;
        for (double v : e) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / Math.max(1, e.length - 1)) / atoms;
    }

    /** @return the recorded volumes, Å³ */
    public double[] volumesA3() {
        return volumeA3.toArray();
    }

    /** @return the recorded times, fs */
    public double[] timesFs() {
        return timesFs.toArray();
    }

    /** @return the recorded temperatures, K */
    public double[] temperaturesK() {
        return temperatureK.toArray();
    }

    /** @return the recorded pressures, GPa */
    public double[] pressuresGpa() {
        return pressureGpa.toArray();
    }

    /** @return the recorded conserved quantity, eV */
    public double[] conservedEv() {
        return conservedEv.toArray();
    }

    /** @return number of observations */
    public int size() {
        return steps.size();
    }
}
