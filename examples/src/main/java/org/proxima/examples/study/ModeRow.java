package org.proxima.examples.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.proxima.core.blend.StepSummary;
import org.proxima.md.analysis.HopStatistics;

/**
 * The runs of one mode in one study, aggregated over replicas: means with standard errors across replicas (with a
 * single replica, the run's own block-average SE for the density), hop rates pooled over replicas, fractions of
 * steps per source, target calls, wall-time split and errors.
 *
 * @param mode the mode
 * @param runs the outcomes
 */
public record ModeRow(StudyMode mode, List<RunOutcome> runs) {

    /**
     * Copies.
     */
    public ModeRow {
        runs = List.copyOf(runs);
    }

    private DescriptiveStatistics stats(java.util.function.ToDoubleFunction<RunOutcome> f) {
        DescriptiveStatistics d = new DescriptiveStatistics();
        for (RunOutcome r : runs) {
            double v = f.applyAsDouble(r);
            if (Double.isFinite(v)) {
                d.addValue(v);
            }
        }
        return d;
    }

    private static double se(DescriptiveStatistics d) {
        return d.getN() < 2 ? Double.NaN : d.getStandardDeviation() / Math.sqrt(d.getN());
    }

    /** @return mean density, g/cm³ */
    public double density() {
        return stats(RunOutcome::densityGPerCm3).getMean();
    }

    /**
     * The standard error of the mean density: the larger of the spread across replicas (sd/√R) and the runs' own
     * block-average errors combined (√Σ SE_i² / R), since two or three replicas can agree by chance and one
     * replica has no spread at all.
     *
     * @return SE, g/cm³
     */
    public double densitySe() {
        DescriptiveStatistics d = stats(RunOutcome::densityGPerCm3);
        double within = 0;
        int n = 0;
        for (RunOutcome r : runs) {
            if (r.summary().get("density_se_g_cm3") instanceof Number se && Double.isFinite(se.doubleValue())) {
                within += se.doubleValue() * se.doubleValue();
                n++;
            }
        }
        double fromRuns = n == 0 ? Double.NaN : Math.sqrt(within) / n;
        double across = se(d);
        return Double.isNaN(across) ? fromRuns : Double.isNaN(fromRuns) ? across : Math.max(across, fromRuns);
    }

    /** @return max |dV/dt| of every run, Å³/fs */
    public double[] maxDvdt() {
        return stats(RunOutcome::maxAbsVolumeRateA3PerFs).getValues();
    }

    /** @return wall time of every run, s */
    public double[] wallSeconds() {
        return stats(r -> r.time().wallSeconds()).getValues();
    }

    /**
     * @param wignerSeitz true for Wigner–Seitz hops, false for neighbour counts
     * @return hops pooled over replicas
     */
    public HopStatistics hops(boolean wignerSeitz) {
        List<double[]> times = new ArrayList<>();
        for (RunOutcome r : runs) {
            times.add(wignerSeitz ? r.wignerSeitzHopTimesFs() : r.neighbourHopTimesFs());
        }
        return HopStatistics.pooled(times);
    }

    /** @return all surrogate–target errors of the mode's runs, eV/Å */
    public double[] errors() {
        return concat(RunOutcome::errors);
    }

    /** @return all audit errors of the mode's runs, eV/Å */
    public double[] auditErrors() {
        return concat(RunOutcome::auditErrors);
    }

    private double[] concat(java.util.function.Function<RunOutcome, double[]> f) {
        return runs.stream().flatMapToDouble(r -> java.util.Arrays.stream(f.apply(r))).toArray();
    }

    /**
     * The paper's operating point for ε_target: half-way between the median and the mean of the audited errors
     * (the paper's errors had a median just below its bound and a mean above it).
     *
     * @return (median + mean) / 2 of the audit errors, eV/Å (NaN without audits)
     */
    public double operatingPoint() {
        double[] a = auditErrors();
        return (StepSummary.median(a) + StepSummary.mean(a)) / 2;
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** @return mean seconds per target call over the mode's runs */
    public double secondsPerTargetCall() {
        double s = 0;
        long n = 0;
        for (RunOutcome r : runs) {
            s += r.time().targetSeconds();
            n += r.targetCalls();
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * @param secondsPerCall assumed cost of a target call, s
     * @return mean projected wall time of the mode's runs, s
     */
    public double projectedSeconds(double secondsPerCall) {
        return stats(r -> r.time().projectedSeconds(r.targetCalls(), secondsPerCall)).getMean();
    }

    /**
     * A JSON-ready map.
     *
     * @param hopStudy whether hop rates apply
     * @param secondsPerCall cost of a target call for the projected wall time, s
     * @return the map
     */
    public Map<String, Object> toMap(boolean hopStudy, double secondsPerCall) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.label());
        m.put("runs", runs.size());
        m.put("seeds", runs.stream().map(RunOutcome::seed).toList());
        if (hopStudy) {
            m.put("hops_neighbour_count", HopSummary.toMap(hops(false)));
            m.put("hops_wigner_seitz", HopSummary.toMap(hops(true)));
        } else {
            m.put("density_g_cm3", density());
            m.put("density_se_g_cm3", densitySe());
        }
        DescriptiveStatistics dvdt = stats(RunOutcome::maxAbsVolumeRateA3PerFs);
        m.put("max_abs_dVdt_mean_A3_per_fs", dvdt.getMean());
        m.put("max_abs_dVdt_se_A3_per_fs", se(dvdt));
        m.put("max_abs_dVdt_A3_per_fs", maxDvdt());
        m.put("fraction_target", stats(RunOutcome::fractionTarget).getMean());
        m.put("fraction_blend", stats(RunOutcome::fractionBlend).getMean());
        m.put("fraction_surrogate", stats(RunOutcome::fractionSurrogate).getMean());
        m.put("target_calls_mean", stats(r -> r.targetCalls()).getMean());
        m.put("target_fraction_mean", stats(r -> r.fractionTarget() + r.fractionBlend()).getMean());
        m.put("target_fraction_after_first_training_mean", stats(r -> num(r.summary(),
                "target_fraction_after_first_training")).getMean());
        m.put("accepted_error_mean_eV_per_A", stats(r -> num(r.summary(), "accepted_error_eV_per_A")).getMean());
        m.put("audit_probability_mean", stats(r -> num(r.summary(), "audit_probability_mean")).getMean());
        m.put("error_mean_eV_per_A", StepSummary.mean(errors()));
        m.put("error_median_eV_per_A", StepSummary.median(errors()));
        m.put("audit_error_mean_eV_per_A", StepSummary.mean(auditErrors()));
        m.put("audit_error_median_eV_per_A", StepSummary.median(auditErrors()));
        m.put("operating_point_eV_per_A", operatingPoint());
        m.put("target_seconds_mean", stats(r -> r.time().targetSeconds()).getMean());
        m.put("surrogate_seconds_mean", stats(r -> r.time().surrogateSeconds()).getMean());
        m.put("training_seconds_mean", stats(r -> r.time().trainingSeconds()).getMean());
        m.put("integration_and_output_seconds_mean", stats(r -> r.time().otherSeconds()).getMean());
        m.put("wall_seconds_mean", stats(r -> r.time().wallSeconds()).getMean());
        m.put("projected_seconds_mean", projectedSeconds(secondsPerCall));
        return m;
    }
}
