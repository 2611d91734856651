package org.proxima.examples.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.blend.BlendOutputs;
import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepSummary;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.NeighbourCountHopDetector;
import org.proxima.md.analysis.ThermoStatistics;
import org.proxima.md.analysis.WignerSeitzHopDetector;
import org.proxima.md.run.BlendedRun;
import org.proxima.md.run.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one MD simulation as a {@link RunSpec} describes it, through the library's {@link BlendedRun} (target
 * alone, a frozen surrogate, or a blending calculator; outputs, checkpoint and resume, SIGTERM), and adds what the
 * studies measure: thermodynamic statistics, per-step series, vacancy hops, the target's timing, and the study
 * summary ({@code summary.json}) and {@link RunOutcome}.
 */
public final class StudyRun {

    private static final Logger LOG = LoggerFactory.getLogger(StudyRun.class);

    private StudyRun() {
    }

    /** The study's observers of a run (checkpointed with it). */
    private static final class Observed {
        final ThermoStatistics stats = new ThermoStatistics();
        final RunSeries series = new RunSeries();
        final NeighbourCountHopDetector neighbourHops;
        final WignerSeitzHopDetector wsHops;

        Observed(Structure start, boolean hops) {
            neighbourHops = hops ? NeighbourCountHopDetector.singleDiamondVacancy(start.size()) : null;
            WignerSeitzHopDetector ws = null;
            if (hops) {
                try {
                    ws = WignerSeitzHopDetector.diamondSupercell(start);
                } catch (IllegalArgumentException e) {
                    LOG.warn("{}; reporting neighbour-count hops only", e.getMessage());
                }
            }
            wsHops = ws;
        }
    }

    /**
     * @param spec the run
     * @param progress receives the run's progress, or null
     * @return the outcome
     */
    public static RunOutcome run(RunSpec spec, ProgressSink progress) {
        MdState state = spec.initialState().get();
        Structure start = state.toStructure();
        Integrator integrator = spec.integrator().get();
        BlendSettings blend = spec.blend();
        Observed obs = new Observed(start, spec.hops());
        TimedCalculator timedTarget = new TimedCalculator(spec.target().create(start.species()),
                spec.target().maxCalls());
        Map<String, Object> summary = new LinkedHashMap<>();
        BlendedRun.Builder b = BlendedRun.builder(state, integrator).name(spec.name()).outputs(spec.outputs())
                .observer(obs.stats, 1).observer(obs.series, 1).checkpointed("target_timing", timedTarget)
                .summary(r -> {
                    summary.putAll(summary(spec, start, integrator, obs, timedTarget, r));
                    return summary;
                });
        if (obs.neighbourHops != null) {
            b.observer(obs.neighbourHops, 1);
        }
        if (obs.wsHops != null) {
            b.observer(obs.wsHops, 1);
        }
        StepSummary progressCounts = new StepSummary();
        if (blend.mode().blended()) {
            EnsembleSurrogate ensemble = blend.start().ensemble(blend.surrogate(), List.copyOf(start.species()),
                    blend.plan(), spec.seed());
            b.blending(blend.builder(timedTarget, ensemble, spec.seed()).initialData(blend.start().points(start))
                    .listener(progressCounts));
        } else {
            b.target(timedTarget);
        }
        if (progress != null) {
            b.observer(s -> progress.update(spec.name(), s.step(), progressCounts),
                    (int) Math.max(1, Math.min(1000, spec.steps() / 400)));
        }
        CheckpointSettings cs = spec.checkpoint();
        if (cs != null) {
            b.checkpoint(cs.directory(), cs.every()).resume(cs.resume()).stopOnTerminationSignal(true)
                    .physicalOptions(spec.physicalOptions(), cs.allowChangedOptions());
        }
        RunResult r = b.build().run(spec.steps());
        if (summary.isEmpty()) {
            summary.putAll(summary(spec, start, integrator, obs, timedTarget, r));
        }
        return outcome(spec, obs, timedTarget, r, summary);
    }

    /** The study summary of a run (also its {@code summary.json}). */
    private static Map<String, Object> summary(RunSpec spec, Structure start, Integrator integrator, Observed obs,
            TimedCalculator target, RunResult r) {
        BlendSettings blend = spec.blend();
        boolean blended = blend.mode().blended();
        boolean surrogateOnly = blend.mode() == StudyMode.SURROGATE;
        ThermoStatistics stats = obs.stats;
        long steps = Math.max(0, stats.size() - 1);
        long firstTrained = obs.series.firstTrainedStep();
        long dvdtFrom = spec.dvdtFromStep() != null ? spec.dvdtFromStep()
                : firstTrained >= 0 ? firstTrained : blend.plan().effectiveFirstFitSize();
        long averageFrom = Math.min(spec.averageFromStep(), Math.max(0, steps - 1));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("atoms", start.size());
        m.put("target", spec.target().description());
        m.putAll(blend.toMap());
        m.put("integrator", integrator.name());
        m.put("timestep_fs", integrator.timestepFs());
        m.put("degrees_of_freedom", integrator.degreesOfFreedom(r.state()));
        m.put("seed", spec.seed());
        m.put("steps", steps);
        m.put("average_from_step", averageFrom);
        if (stats.size() >= 3) {
            BlockAverage.Estimate v = stats.volume(averageFrom);
            BlockAverage.Estimate rho = stats.density(averageFrom);
            BlockAverage.Estimate t = stats.temperature(averageFrom);
            BlockAverage.Estimate p = stats.pressure(averageFrom);
            m.put("temperature_mean_K", t.mean());
            m.put("temperature_se_K", t.standardError());
            m.put("pressure_mean_GPa", p.mean());
            m.put("pressure_se_GPa", p.standardError());
            m.put("volume_mean_A3", v.mean());
            m.put("volume_se_A3", v.standardError());
            m.put("density_g_cm3", rho.mean());
            m.put("density_se_g_cm3", rho.standardError());
            m.put("conserved_drift_eV_per_atom_per_ps", stats.conservedDriftEvPerAtomPerPs(averageFrom));
        }
        if (blend.mode() != StudyMode.TARGET) {
            m.put("first_trained_step", firstTrained >= 0 ? firstTrained : null);
        }
        if (integrator.variableCell()) {
            m.put("max_abs_dVdt_from_step", dvdtFrom);
            m.put("max_abs_dVdt_A3_per_fs", dvdtFrom < steps ? stats.maxAbsVolumeRateA3PerFs(dvdtFrom) : null);
        } else {
            m.remove("volume_se_A3");
            m.remove("density_se_g_cm3");
        }
        StepSummary s = blended ? r.blend().summary() : null;
        m.put("fraction_target", blended ? s.fraction(Source.TARGET) : surrogateOnly ? 0.0 : 1.0);
        m.put("fraction_blend", blended ? s.fraction(Source.BLEND) : 0.0);
        m.put("fraction_surrogate", blended ? s.fraction(Source.SURROGATE) : surrogateOnly ? 1.0 : 0.0);
        // in the surrogate-only mode the calculator the run times is the frozen surrogate, not a target
        long targetCalls = surrogateOnly ? 0 : target.calls();
        double targetSeconds = surrogateOnly ? 0 : target.seconds();
        Map<String, Object> bs = blended ? r.blendSummary() : Map.of();
        m.put("target_calls", targetCalls);
        if (blended) {
            for (String k : List.of("audits", "error_mean_eV_per_A", "error_median_eV_per_A",
                    "audit_error_mean_eV_per_A", "audit_error_median_eV_per_A", "accepted_error_eV_per_A",
                    "accepted_error_ci_low_eV_per_A", "accepted_error_ci_high_eV_per_A", "audit_probability_mean",
                    "training_points", "controller_updates", "controller_condition", "controller_warnings",
                    "retraining_failures", "last_retraining_failure")) {
                m.put(k, bs.get(k));
            }
            long after = steps - Math.max(0, firstTrained);
            m.put("target_fraction_after_first_training", firstTrained < 0 || after <= 0 ? Double.NaN
                    : (double) (targetCalls - obs.series.targetCallsAtFirstTraining()) / after);
        }
        m.put("time", timeSplit(blend, target, r).toMap());
        m.put("wall_seconds", r.wallSeconds());
        m.put("target_seconds_per_call", targetCalls == 0 ? Double.NaN : targetSeconds / targetCalls);
        if (obs.neighbourHops != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("neighbour_count", HopSummary.toMap(obs.neighbourHops.statistics()));
            if (obs.wsHops != null) {
                Map<String, Object> ws = HopSummary.toMap(obs.wsHops.statistics());
                ws.put("hop_times_fs", obs.wsHops.hopTimesFs());
                h.put("wigner_seitz", ws);
            }
            m.put("hops", h);
        }
        if (!r.completed()) {
            m.put("stopped_at_step", r.state().step());
            m.put("error", r.failure() != null ? r.failure() : "stopped by a termination signal after the "
                    + "checkpoint at step " + r.state().step() + "; continue with --resume");
        }
        return m;
    }

    /** Where the run's wall time went: target, surrogate, training, the rest. */
    private static TimeSplit timeSplit(BlendSettings blend, TimedCalculator target, RunResult r) {
        boolean surrogateOnly = blend.mode() == StudyMode.SURROGATE;
        double targetSeconds = surrogateOnly ? 0 : target.seconds();
        double surrogateSeconds = blend.mode().blended() ? r.blend().summary().surrogateSeconds()
                : surrogateOnly ? target.seconds() : 0;
        double trainingSeconds = blend.mode().blended() ? r.blend().summary().trainingSeconds() : 0;
        return new TimeSplit(targetSeconds, surrogateSeconds, trainingSeconds,
                Math.max(0, r.wallSeconds() - targetSeconds - surrogateSeconds - trainingSeconds));
    }

    private static RunOutcome outcome(RunSpec spec, Observed obs, TimedCalculator target, RunResult r,
            Map<String, Object> m) {
        BlendSettings blend = spec.blend();
        BlendOutputs bo = r.blend();
        double[] nHops = obs.neighbourHops == null ? new double[0] : obs.neighbourHops.hopTimesFs();
        double[] wHops = obs.wsHops == null ? new double[0] : obs.wsHops.hopTimesFs();
        TimeSplit split = timeSplit(blend, target, r);
        String failure = (String) m.get("error");
        return new RunOutcome(spec.name(), blend.mode(), spec.seed(), ((Number) m.get("steps")).longValue(),
                num(m, "volume_mean_A3"), num(m, "density_g_cm3"), num(m, "max_abs_dVdt_A3_per_fs"),
                num(m, "fraction_target"), num(m, "fraction_blend"), num(m, "fraction_surrogate"),
                ((Number) m.get("target_calls")).longValue(), bo == null ? new double[0] : bo.summary().errors(),
                bo == null ? new double[0] : bo.summary().auditErrors(), split, nHops, wHops, obs.series, m,
                failure);
    }

    private static double num(Map<String, Object> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
