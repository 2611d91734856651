package org.proxima.examples.study;

import java.util.Map;

/**
 * What one run produced (also written to its {@code summary.json}).
 *
 * @param name the run's label
 * @param mode its mode
 * @param seed its seed
 * @param steps MD steps done
 * @param volumeMeanA3 mean volume over the averaging window, Å³
 * @param densityGPerCm3 density from that volume, g/cm³
 * @param maxAbsVolumeRateA3PerFs max |dV/dt| after the first surrogate training (or after the same step in a
 *     target-only run), Å³/fs
 * @param fractionTarget fraction of steps on the pure target
 * @param fractionBlend fraction of steps on a blend
 * @param fractionSurrogate fraction of steps on the pure surrogate
 * @param targetCalls target evaluations
 * @param errors surrogate–target errors on all target steps with a trained surrogate, eV/Å
 * @param auditErrors the same on audit steps only, eV/Å
 * @param time wall-time split
 * @param neighbourHopTimesFs hop times by neighbour counts, fs (empty without hop detection)
 * @param wignerSeitzHopTimesFs hop times by Wigner–Seitz occupation, fs (empty without hop detection)
 * @param series per-step series
 * @param summary the JSON summary
 * @param failure the error that stopped the run early, or null
 */
public record RunOutcome(String name, StudyMode mode, long seed, long steps, double volumeMeanA3,
        double densityGPerCm3, double maxAbsVolumeRateA3PerFs, double fractionTarget, double fractionBlend,
        double fractionSurrogate, long targetCalls, double[] errors, double[] auditErrors, TimeSplit time,
        double[] neighbourHopTimesFs, double[] wignerSeitzHopTimesFs, RunSeries series, Map<String, Object> summary,
        String failure) {
}
