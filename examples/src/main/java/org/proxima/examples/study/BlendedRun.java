package org.proxima.examples.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.ControllerHealth;
import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepListener;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.blend.StepRecordWriter;
import org.proxima.core.blend.StepSummary;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.CheckpointStore;
import org.proxima.core.checkpoint.CoreStates;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;
import org.proxima.md.Integrator;
import org.proxima.md.MdRunException;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.NeighbourCountHopDetector;
import org.proxima.md.analysis.ThermoStatistics;
import org.proxima.md.analysis.WignerSeitzHopDetector;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.ThermoLogger;
import org.proxima.md.observe.TrajectoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one MD simulation as a {@link RunSpec} describes it, with the target alone or under a
 * {@link BlendingCalculator}, and writes its outputs ({@link RunOutputs}): thermo log (with the step's source, λ,
 * blend index, UQ, threshold and error), trajectory (frames carry source, λ and UQ), step records, training set
 * and summary. A run that fails part-way keeps everything written so far and reports the failure.
 *
 * <p>With {@link CheckpointSettings} the run writes a checkpoint every k steps, at its end and on SIGTERM: MD state
 * (with the integrator's variables and random generator), the calculation at the current positions, the blending
 * calculator's decision state, the ensemble(s), the accumulated statistics and the sizes of every output file. A
 * resumed run cuts the files back to those sizes, replays target results that were computed after the checkpoint
 * (no target call is repeated), and continues bit for bit as the uninterrupted run would have (deterministic
 * training; wall-time fields aside).
 */
public final class BlendedRun {

    private static final Logger LOG = LoggerFactory.getLogger(BlendedRun.class);

    /** Checkpoint format name. */
    static final String FORMAT = "proxima-run-checkpoint";
    /** Checkpoint format version. */
    static final long FORMAT_VERSION = 2;

    private BlendedRun() {
    }

    /** The pieces of a run that observe it and go into its checkpoints. */
    private static final class Observed {
        final StepSummary summary = new StepSummary();
        final ControllerHealth health = new ControllerHealth();
        final ThermoStatistics stats = new ThermoStatistics();
        final NeighbourCountHopDetector neighbourHops;
        final WignerSeitzHopDetector wsHops;
        RunSeries series;

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

        StateMap save() {
            return new StateMap().putState("statistics", stats.saveState()).putState("series", series.saveState())
                    .putState("summary", summary.saveState()).putState("controller_health", health.saveState())
                    .putState("neighbour_hops", neighbourHops == null ? null : neighbourHops.saveState())
                    .putState("wigner_seitz_hops", wsHops == null ? null : wsHops.saveState());
        }

        void restore(StateMap m) {
            stats.restoreState(m.getState("statistics"));
            series.restoreState(m.getState("series"));
            summary.restoreState(m.getState("summary"));
            health.restoreState(m.getState("controller_health"));
            if (neighbourHops != null) {
                neighbourHops.restoreState(m.getState("neighbour_hops"));
            }
            if (wsHops != null) {
                wsHops.restoreState(m.getState("wigner_seitz_hops"));
            }
        }
    }

    /**
     * @param spec the run
     * @param progress receives the run's progress, or null
     * @return the outcome
     */
    public static RunOutcome run(RunSpec spec, ProgressSink progress) {
        RunOutputs out = spec.outputs();
        CheckpointSettings cs = spec.checkpoint();
        CheckpointStore store = cs == null ? null
                : new CheckpointStore(cs.directory(), FORMAT, FORMAT_VERSION, 2);
        CheckpointStore.Loaded ckpt = cs != null && cs.resume() ? store.readLatest().orElse(null) : null;
        if (cs != null && cs.resume() && ckpt == null) {
            LOG.info("No checkpoint in {}: starting {} from the beginning", cs.directory(), spec.name());
        }
        if (ckpt != null) {
            checkOptions(spec, ckpt);
        }
        MdState initial = spec.initialState().get();
        Structure start = initial.toStructure();
        MdState state = ckpt == null ? initial : MdState.restore(ckpt.content().getState("md_state"));
        Integrator integrator = spec.integrator().get();
        BlendSettings blend = spec.blend();
        boolean blended = blend.mode().blended();
        Observed obs = new Observed(start, spec.hops());
        List<TrainingPoint> replay = ckpt == null ? List.of() : cutBack(out, ckpt.content().getState("files"));
        long t0 = System.nanoTime();
        double wallBefore = ckpt == null ? 0 : ckpt.content().getState("timing").getDouble("wall_seconds");
        String failure = null;
        TimedCalculator timedTarget = new TimedCalculator(new ReplayingCalculator(
                spec.target().create(start.species()), replay));
        if (ckpt != null) {
            StateMap timing = ckpt.content().getState("timing");
            timedTarget.restore(timing.getLong("target_calls"), timing.getDouble("target_seconds"));
        }
        if (store != null) {
            GracefulStop.install();
            GracefulStop.enter();
        }
        try (StepRecordWriter records = !blended || out.stepRecords() == null ? null
                : ckpt == null ? StepRecordWriter.create(out.stepRecords(), 64)
                        : StepRecordWriter.append(out.stepRecords(), 64);
                TrainingSet training = !blended ? null : out.trainingSet() == null ? TrainingSet.inMemory()
                        : ckpt == null ? TrainingSet.createFile(out.trainingSet())
                                : TrainingSet.continueFile(out.trainingSet());
                ForceCalculator calc = blend.wrap(timedTarget, surrogate(spec, ckpt, start), spec.seed(), training,
                        listeners(obs, records))) {
            Supplier<StepRecord> last = calc instanceof BlendingCalculator b ? b::lastRecord : null;
            obs.series = new RunSeries(last);
            CalculationResultHolder current = new CalculationResultHolder();
            if (ckpt != null) {
                restoreCalculator(calc, blend, ckpt);
                obs.restore(ckpt.content().getState("observers"));
                current.value = CoreStates.calculationResult(ckpt.content().getState("current"));
            }
            MolecularDynamics.Builder b = MolecularDynamics.builder(state, calc, integrator)
                    .observer(obs.stats, 1).observer(obs.series, 1);
            if (out.thermo() != null) {
                b.observer(ckpt == null ? ThermoLogger.create(out.thermo(), BlendObservables.thermoColumns(last))
                        : ThermoLogger.append(out.thermo(), BlendObservables.thermoColumns(last)), out.thermoEvery());
            }
            if (out.trajectory() != null) {
                b.observer(ckpt == null ? TrajectoryWriter.create(out.trajectory(),
                        BlendObservables.trajectoryInfo(last))
                        : TrajectoryWriter.append(out.trajectory(), BlendObservables.trajectoryInfo(last)),
                        out.trajectoryEvery());
            }
            if (obs.neighbourHops != null) {
                b.observer(obs.neighbourHops, 1);
            }
            if (obs.wsHops != null) {
                b.observer(obs.wsHops, 1);
            }
            if (progress != null) {
                b.observer(s -> progress.update(spec.name(), s.step(), obs.summary),
                        (int) Math.max(1, Math.min(1000, spec.steps() / 400)));
            }
            if (current.value != null) {
                b.resume(current.value);
            }
            Checkpointer checkpointer = null;
            if (store != null) {
                checkpointer = new Checkpointer(store, cs.every(), spec, calc, blend, obs, records, timedTarget, t0,
                        wallBefore);
                b.observer(checkpointer, 1);
            }
            try (MolecularDynamics md = b.build()) {
                if (checkpointer != null) {
                    checkpointer.md = md;
                }
                md.run(Math.max(0, spec.steps() - state.step()));
                if (checkpointer != null && checkpointer.lastWritten != state.step()) {
                    checkpointer.write(state.step());
                }
            } catch (MdRunException e) {
                failure = e.getMessage();
            } catch (GracefulStop.Stopped e) {
                failure = e.getMessage();
            }
        } finally {
            if (store != null) {
                GracefulStop.leave();
            }
        }
        double wall = wallBefore + (System.nanoTime() - t0) / 1e9;
        return outcome(spec, start, integrator, state, obs, timedTarget, wall, failure);
    }

    /** Holds the calculation a resumed run starts from. */
    private static final class CalculationResultHolder {
        org.proxima.core.calc.CalculationResult value;
    }

    private static List<StepListener> listeners(Observed obs, StepRecordWriter records) {
        List<StepListener> l = new ArrayList<>();
        l.add(obs.summary);
        l.add(obs.health);
        if (records != null) {
            l.add(records);
        }
        return l;
    }

    /** The ensemble to start with: restored from the checkpoint, or new (null in the target mode). */
    private static EnsembleSurrogate surrogate(RunSpec spec, CheckpointStore.Loaded ckpt, Structure start) {
        BlendSettings blend = spec.blend();
        if (!blend.mode().blended()) {
            return null;
        }
        if (ckpt != null && ckpt.content().getState("blending").getBoolean("model_saved")) {
            return blend.surrogate().load(ckpt.directory().resolve("model"));
        }
        return blend.surrogate().create(List.copyOf(start.species()), blend.plan().epochs(), spec.seed());
    }

    private static void restoreCalculator(ForceCalculator calc, BlendSettings blend, CheckpointStore.Loaded ckpt) {
        if (!(calc instanceof BlendingCalculator bc)) {
            return;
        }
        StateMap m = ckpt.content().getState("blending");
        List<EnsembleSurrogate> fading = new ArrayList<>();
        for (int k = 0; k < m.getLong("fading_saved"); k++) {
            fading.add(blend.surrogate().load(ckpt.directory().resolve("fading-model-" + k)));
        }
        bc.restoreState(CoreStates.blendingState(m.getState("state")), fading);
    }

    /** Refuses to resume with other physics unless allowed. */
    @SuppressWarnings("unchecked")
    private static void checkOptions(RunSpec spec, CheckpointStore.Loaded ckpt) {
        Map<String, Object> saved = (Map<String, Object>) ckpt.content().getRaw("physical_options");
        Map<String, Object> now = (Map<String, Object>) Json.parse(Json.write(spec.physicalOptions()));
        if (!now.equals(saved)) {
            List<String> diff = new ArrayList<>();
            for (String k : new java.util.TreeSet<>(saved.keySet())) {
                if (!java.util.Objects.equals(saved.get(k), now.get(k))) {
                    diff.add(k + ": checkpoint " + saved.get(k) + ", now " + now.get(k));
                }
            }
            for (String k : now.keySet()) {
                if (!saved.containsKey(k)) {
                    diff.add(k + ": checkpoint (absent), now " + now.get(k));
                }
            }
            if (!spec.checkpoint().allowChangedOptions()) {
                throw new CheckpointException("The checkpoint in " + ckpt.directory() + " was written with other "
                        + "physical options (" + String.join("; ", diff) + "); resume with the same options, or allow "
                        + "the change explicitly");
            }
            LOG.warn("Resuming {} with changed options: {}", spec.name(), diff);
        }
    }

    /** Cuts the output files back to the checkpoint's sizes; returns the target results saved after it. */
    private static List<TrainingPoint> cutBack(RunOutputs out, StateMap files) {
        truncate(out.thermo(), files, "thermo");
        truncate(out.trajectory(), files, "trajectory");
        truncate(out.stepRecords(), files, "steps");
        if (out.trainingSet() != null && files.has("training") && files.getRaw("training") != null) {
            return TrainingSet.truncate(out.trainingSet(), files.getLong("training"));
        }
        return List.of();
    }

    private static void truncate(Path file, StateMap files, String key) {
        if (file == null || !files.has(key) || files.getRaw(key) == null) {
            return;
        }
        long size = files.getLong(key);
        try {
            if (!Files.exists(file) || Files.size(file) < size) {
                throw new CheckpointException(file + " is shorter than the " + size + " bytes the checkpoint "
                        + "recorded: it was changed or damaged since");
            }
            try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                c.truncate(size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut back " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes checkpoints every k steps and on SIGTERM; registered last, so it sees every other output done. */
    private static final class Checkpointer implements Observer {
        private final CheckpointStore store;
        private final long every;
        private final RunSpec spec;
        private final ForceCalculator calc;
        private final BlendSettings blend;
        private final Observed obs;
        private final StepRecordWriter records;
        private final TimedCalculator target;
        private final long t0;
        private final double wallBefore;
        MolecularDynamics md;
        long lastWritten = -1;

        Checkpointer(CheckpointStore store, long every, RunSpec spec, ForceCalculator calc, BlendSettings blend,
                Observed obs, StepRecordWriter records, TimedCalculator target, long t0, double wallBefore) {
            this.store = store;
            this.every = every;
            this.spec = spec;
            this.calc = calc;
            this.blend = blend;
            this.obs = obs;
            this.records = records;
            this.target = target;
            this.t0 = t0;
            this.wallBefore = wallBefore;
        }

        @Override
        public void observe(org.proxima.md.observe.Snapshot s) {
            boolean stop = GracefulStop.requested();
            if (stop || (s.step() > 0 && s.step() % every == 0)) {
                write(s.step());
            }
            if (stop) {
                LOG.warn("{}: stopped by a termination signal; checkpoint written at step {} in {}; continue with "
                        + "--resume", spec.name(), s.step(), store.directory());
                throw new GracefulStop.Stopped(s.step());
            }
        }

        void write(long step) {
            if (records != null) {
                records.flush();
            }
            BlendingCalculator bc = calc instanceof BlendingCalculator b ? b : null;
            if (bc != null) {
                bc.awaitTraining();
            }
            StateMap m = new StateMap();
            m.putString("run", spec.name()).putRaw("physical_options", spec.physicalOptions());
            m.putState("md_state", md.state().saveState());
            m.putState("current", CoreStates.of(md.current()));
            EnsembleSurrogate model = bc == null ? null : bc.surrogate();
            List<EnsembleSurrogate> fading = bc == null ? List.of() : bc.fadingFromSurrogates();
            if (bc != null) {
                m.putState("blending", new StateMap().putState("state", CoreStates.of(bc.captureState()))
                        .putBoolean("model_saved", model.isTrained()).putLong("fading_saved", fading.size()));
            }
            RunOutputs out = spec.outputs();
            StateMap files = new StateMap();
            files.putRaw("thermo", size(out.thermo()));
            files.putRaw("trajectory", size(out.trajectory()));
            files.putRaw("steps", records == null ? null : size(out.stepRecords()));
            files.putRaw("training", bc == null ? null : size(out.trainingSet()));
            m.putState("files", files);
            m.putState("observers", obs.save());
            m.putState("timing", new StateMap().putLong("target_calls", target.calls())
                    .putDouble("target_seconds", target.seconds())
                    .putDouble("wall_seconds", wallBefore + (System.nanoTime() - t0) / 1e9));
            store.write(step, m, dir -> {
                if (model != null && model.isTrained()) {
                    blend.surrogate().save(model, dir.resolve("model"));
                }
                for (int k = 0; k < fading.size(); k++) {
                    blend.surrogate().save(fading.get(k), dir.resolve("fading-model-" + k));
                }
            });
            lastWritten = step;
        }

        private static Long size(Path p) {
            try {
                return p == null || !Files.exists(p) ? null : Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static RunOutcome outcome(RunSpec spec, Structure start, Integrator integrator, MdState state,
            Observed obs, TimedCalculator target, double wall, String failure) {
        BlendSettings blend = spec.blend();
        boolean blended = blend.mode().blended();
        boolean surrogateOnly = blend.mode() == StudyMode.SURROGATE;
        ThermoStatistics stats = obs.stats;
        StepSummary summary = obs.summary;
        long steps = Math.max(0, stats.size() - 1);
        long firstTrained = obs.series.firstTrainedStep();
        long dvdtFrom = spec.dvdtFromStep() != null ? spec.dvdtFromStep()
                : firstTrained >= 0 ? firstTrained : blend.plan().retrainInterval();
        long averageFrom = Math.min(spec.averageFromStep(), Math.max(0, steps - 1));
        double volume = Double.NaN;
        double density = Double.NaN;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("atoms", start.size());
        m.put("target", spec.target().description());
        m.putAll(blend.toMap());
        m.put("integrator", integrator.name());
        m.put("timestep_fs", integrator.timestepFs());
        m.put("degrees_of_freedom", integrator.degreesOfFreedom(state));
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
            m.put("temperature_mean_K", t.mean());
            m.put("temperature_se_K", t.standardError());
            m.put("pressure_mean_GPa", p.mean());
            m.put("pressure_se_GPa", p.standardError());
            m.put("volume_mean_A3", volume);
            m.put("volume_se_A3", v.standardError());
            m.put("density_g_cm3", density);
            m.put("density_se_g_cm3", rho.standardError());
            m.put("conserved_drift_eV_per_atom_per_ps", stats.conservedDriftEvPerAtomPerPs(averageFrom));
        }
        double dvdt = dvdtFrom < steps ? stats.maxAbsVolumeRateA3PerFs(dvdtFrom) : Double.NaN;
        m.put("first_trained_step", firstTrained);
        m.put("max_abs_dVdt_from_step", dvdtFrom);
        m.put("max_abs_dVdt_A3_per_fs", dvdt);
        double fTarget = blended ? summary.fraction(Source.TARGET) : surrogateOnly ? 0.0 : 1.0;
        double fBlend = blended ? summary.fraction(Source.BLEND) : 0.0;
        double fSurrogate = blended ? summary.fraction(Source.SURROGATE) : surrogateOnly ? 1.0 : 0.0;
        // in the surrogate-only mode the calculator the run times is the frozen surrogate, not a target
        long targetCalls = surrogateOnly ? 0 : target.calls();
        double targetSeconds = surrogateOnly ? 0 : target.seconds();
        m.put("fraction_target", fTarget);
        m.put("fraction_blend", fBlend);
        m.put("fraction_surrogate", fSurrogate);
        m.put("target_calls", targetCalls);
        Map<String, Object> s = summary.toMap(blend.errorTargetEvPerA());
        if (blended) {
            for (String k : List.of("audits", "error_mean_eV_per_A", "error_median_eV_per_A",
                    "audit_error_mean_eV_per_A", "audit_error_median_eV_per_A")) {
                m.put(k, s.get(k));
            }
            m.put("training_points", summary.targetCalls());
            m.putAll(obs.health.toMap());
        }
        double surrogateSeconds = blended ? (double) s.get("surrogate_seconds") : surrogateOnly ? target.seconds() : 0;
        double trainingSeconds = blended ? (double) s.get("training_seconds") : 0;
        TimeSplit time = new TimeSplit(targetSeconds, surrogateSeconds, trainingSeconds,
                Math.max(0, wall - targetSeconds - surrogateSeconds - trainingSeconds));
        m.put("time", time.toMap());
        m.put("wall_seconds", wall);
        m.put("target_seconds_per_call", targetCalls == 0 ? Double.NaN : targetSeconds / targetCalls);
        double[] nHops = obs.neighbourHops == null ? new double[0] : obs.neighbourHops.hopTimesFs();
        double[] wHops = obs.wsHops == null ? new double[0] : obs.wsHops.hopTimesFs();
        if (obs.neighbourHops != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("neighbour_count", HopSummary.toMap(obs.neighbourHops.statistics()));
            if (obs.wsHops != null) {
                h.put("wigner_seitz", HopSummary.toMap(obs.wsHops.statistics()));
            }
            m.put("hops", h);
        }
        if (failure != null) {
            m.put("stopped_at_step", state.step());
            m.put("error", failure);
        }
        if (spec.outputs().summary() != null) {
            Json.writeFile(spec.outputs().summary(), m);
        }
        return new RunOutcome(spec.name(), blend.mode(), spec.seed(), steps, volume, density, dvdt, fTarget, fBlend,
                fSurrogate, targetCalls, blended ? summary.errors() : new double[0],
                blended ? summary.auditErrors() : new double[0], time, nHops, wHops, obs.series, m, failure);
    }
}
