package org.proxima.examples.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepListener;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.blend.StepRecordWriter;
import org.proxima.core.blend.StepSummary;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.training.TrainingSet;
import org.proxima.md.Integrator;
import org.proxima.md.MdRunException;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.NeighbourCountHopDetector;
import org.proxima.md.analysis.ThermoStatistics;
import org.proxima.md.analysis.WignerSeitzHopDetector;
import org.proxima.md.observe.ThermoLogger;
import org.proxima.md.observe.TrajectoryWriter;

/**
 * Runs one MD simulation as a {@link RunSpec} describes it, with the target alone or under a
 * {@link BlendingCalculator}, and writes into the run's directory: {@code thermo.csv} (with the step's source, λ,
 * blend index, UQ, threshold and error), {@code trajectory.extxyz} (frames carry source, λ and UQ),
 * {@code steps.jsonl} (every step record), {@code training.extxyz} (every target result) and
 * {@code summary.json}. A run that fails part-way keeps everything written so far and reports the failure.
 */
public final class BlendedRun {

    private BlendedRun() {
    }

    /**
     * @param spec the run
     * @param progress receives the run's progress, or null
     * @return the outcome
     */
    public static RunOutcome run(RunSpec spec, ProgressSink progress) {
        try {
            Files.createDirectories(spec.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the run directory " + spec.directory(), e);
        }
        Structure start = spec.start();
        MdState state = MdState.of(start, spec.seed());
        Velocities.maxwellBoltzmann(state, spec.initialTemperatureK(), spec.seed());
        Integrator integrator = spec.integrator().get();
        BlendSettings blend = spec.blend();
        StepSummary summary = new StepSummary();
        ThermoStatistics stats = new ThermoStatistics();
        NeighbourCountHopDetector neighbourHops = spec.hops()
                ? NeighbourCountHopDetector.singleDiamondVacancy(start.size()) : null;
        WignerSeitzHopDetector wsHops = spec.hops() ? WignerSeitzHopDetector.diamondSupercell(start) : null;
        long t0 = System.nanoTime();
        String failure = null;
        TimedCalculator timedTarget = new TimedCalculator(spec.target().create(start.species()));
        RunSeries series;
        try (StepRecordWriter records = blend.mode() == StudyMode.TARGET ? null
                : StepRecordWriter.create(spec.directory().resolve("steps.jsonl"), 64);
                TrainingSet training = blend.mode() == StudyMode.TARGET ? null
                        : TrainingSet.createFile(spec.directory().resolve("training.extxyz"));
                ForceCalculator calc = blend.wrap(timedTarget, List.copyOf(start.species()), spec.seed(), training,
                        listeners(summary, records))) {
            Supplier<StepRecord> last = calc instanceof BlendingCalculator b ? b::lastRecord : null;
            series = new RunSeries(last);
            MolecularDynamics.Builder b = MolecularDynamics.builder(state, calc, integrator).observer(stats, 1)
                    .observer(series, 1)
                    .observer(ThermoLogger.create(spec.directory().resolve("thermo.csv"), BlendObservables.thermoColumns(last)), 1);
            if (spec.trajectoryEvery() > 0) {
                b.observer(TrajectoryWriter.create(spec.directory().resolve("trajectory.extxyz"), BlendObservables.trajectoryInfo(last)),
                        spec.trajectoryEvery());
            }
            if (neighbourHops != null) {
                b.observer(neighbourHops, 1).observer(wsHops, 1);
            }
            if (progress != null) {
                b.observer(s -> progress.update(spec.name(), s.step(), summary),
                        (int) Math.max(1, Math.min(1000, spec.steps() / 400)));
            }
            try (MolecularDynamics md = b.build()) {
                md.run(spec.steps());
            } catch (MdRunException e) {
                failure = e.getMessage();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return outcome(spec, stats, series, summary, timedTarget, neighbourHops, wsHops, wall, failure);
    }

    private static List<StepListener> listeners(StepSummary summary, StepRecordWriter records) {
        List<StepListener> l = new ArrayList<>();
        l.add(summary);
        if (records != null) {
            l.add(records);
        }
        return l;
    }

    private static RunOutcome outcome(RunSpec spec, ThermoStatistics stats, RunSeries series, StepSummary summary,
            TimedCalculator target, NeighbourCountHopDetector neighbourHops, WignerSeitzHopDetector wsHops, double wall,
            String failure) {
        BlendSettings blend = spec.blend();
        boolean blended = blend.mode() != StudyMode.TARGET;
        long steps = Math.max(0, stats.size() - 1);
        // max |dV/dt| after the first training; a target-only run uses the step its training would have come
        long firstTrained = series.firstTrainedStep();
        long dvdtFrom = firstTrained >= 0 ? firstTrained : blend.plan().retrainInterval();
        long averageFrom = Math.min(spec.averageFromStep(), Math.max(0, steps - 1));
        double volume = Double.NaN;
        double density = Double.NaN;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("atoms", spec.start().size());
        m.put("target", spec.target().description());
        m.putAll(blend.toMap());
        m.put("seed", spec.seed());
        m.put("steps", steps);
        m.put("average_from_step", averageFrom);
        if (stats.size() >= 3) {
            BlockAverage.Estimate v = stats.volume(averageFrom);
            BlockAverage.Estimate rho = stats.density(averageFrom);
            BlockAverage.Estimate t = stats.temperature(averageFrom);
            BlockAverage.Estimate p = stats.pressure(averageFrom);
            volume = v.mean();
            density = rho.mean();
            m.put("volume_mean_A3", volume);
            m.put("volume_se_A3", v.standardError());
            m.put("density_g_cm3", density);
            m.put("density_se_g_cm3", rho.standardError());
            m.put("temperature_mean_K", t.mean());
            m.put("pressure_mean_GPa", p.mean());
        }
        double dvdt = dvdtFrom < steps ? stats.maxAbsVolumeRateA3PerFs(dvdtFrom) : Double.NaN;
        m.put("first_trained_step", firstTrained);
        m.put("max_abs_dVdt_from_step", dvdtFrom);
        m.put("max_abs_dVdt_A3_per_fs", dvdt);
        double fTarget = blended ? summary.fraction(Source.TARGET) : 1.0;
        double fBlend = blended ? summary.fraction(Source.BLEND) : 0.0;
        double fSurrogate = blended ? summary.fraction(Source.SURROGATE) : 0.0;
        long targetCalls = target.calls();
        m.put("fraction_target", fTarget);
        m.put("fraction_blend", fBlend);
        m.put("fraction_surrogate", fSurrogate);
        m.put("target_calls", targetCalls);
        if (blended) {
            Map<String, Object> s = summary.toMap(blend.errorTargetEvPerA());
            for (String k : List.of("audits", "error_mean_eV_per_A", "error_median_eV_per_A",
                    "audit_error_mean_eV_per_A", "audit_error_median_eV_per_A")) {
                m.put(k, s.get(k));
            }
        }
        double surrogateSeconds = blended ? (double) summary.toMap(Double.NaN).get("surrogate_seconds") : 0;
        double trainingSeconds = blended ? (double) summary.toMap(Double.NaN).get("training_seconds") : 0;
        TimeSplit time = new TimeSplit(target.seconds(), surrogateSeconds, trainingSeconds,
                Math.max(0, wall - target.seconds() - surrogateSeconds - trainingSeconds));
        m.put("time", time.toMap());
        m.put("target_seconds_per_call", targetCalls == 0 ? Double.NaN : target.seconds() / targetCalls);
        double[] nHops = neighbourHops == null ? new double[0] : neighbourHops.hopTimesFs();
        double[] wHops = wsHops == null ? new double[0] : wsHops.hopTimesFs();
        if (neighbourHops != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("neighbour_count", HopSummary.toMap(neighbourHops.statistics()));
            h.put("wigner_seitz", HopSummary.toMap(wsHops.statistics()));
            m.put("hops", h);
        }
        if (failure != null) {
            m.put("error", failure);
        }
        Json.writeFile(spec.directory().resolve("summary.json"), m);
        return new RunOutcome(spec.name(), blend.mode(), spec.seed(), steps, volume, density, dvdt, fTarget, fBlend,
                fSurrogate, targetCalls, blended ? summary.errors() : new double[0],
                blended ? summary.auditErrors() : new double[0], time, nHops, wHops, series, m, failure);
    }
}
