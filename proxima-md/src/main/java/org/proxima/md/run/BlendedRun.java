package org.proxima.md.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.proxima.core.blend.BlendOutputs;
import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.BlendingCalculatorBuilder;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.CheckpointStore;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.CoreStates;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.io.Json;
import org.proxima.core.io.OutputFiles;
import org.proxima.md.Integrator;
import org.proxima.md.MdRunException;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.observe.BlendColumns;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.ThermoLogger;
import org.proxima.md.observe.TrajectoryWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MD run that Proxima owns from start to end, for programs that embed it: the MD driver, a
 * {@link BlendingCalculator} (or any plain calculator), the outputs, user observers, and checkpoint and resume.
 *
 * <p>Before step 0 every output location is checked (so a bad path fails at once, not after the run). Checkpoints are
 * written every k steps, at the end, and, if opted in, when a termination signal arrives (then the run stops
 * cleanly after its current step). Each part with state saves and restores itself ({@link Checkpointable}: the MD
 * state, the integrator, the calculator with its ensembles, controller and audit policy, the blend's summary, every
 * checkpointable observer and any part registered with {@link Builder#checkpointed}); the run assembles them into one
 * atomic, SHA-256-checked checkpoint ({@link CheckpointStore}). A resumed run cuts every output file back to the
 * checkpoint, replays the target results computed after it (none is recomputed) and continues bit for bit as the
 * uninterrupted run would have (deterministic training; wall-time fields aside). A run that fails part-way keeps
 * everything written so far and reports the failure in its {@link RunResult}.
 *
 * <p>The run owns the calculator it is given (or builds) and closes it.
 */
public final class BlendedRun {

    private static final Logger LOG = LoggerFactory.getLogger(BlendedRun.class);

    /** Checkpoint format name. */
    public static final String FORMAT = "proxima-run-checkpoint";
    /** Checkpoint format version (2: ensembles embedded, every part saved through {@code Checkpointable}). */
    public static final long FORMAT_VERSION = 2;

    private final Builder b;
    private final CheckpointStore store;

    private BlendedRun(Builder b) {
        this.b = b;
        this.store = b.checkpointDir == null ? null : new CheckpointStore(b.checkpointDir, FORMAT, FORMAT_VERSION, 2);
    }

    /**
     * Starts a builder.
     *
     * @param state the start state (positions, velocities, cell); on resume the checkpoint's state is restored into
     *     it, so it must hold the same atoms
     * @param integrator the integrator
     * @return the builder
     */
    public static Builder builder(MdState state, Integrator integrator) {
        return new Builder(state, integrator);
    }

    /** The pieces of one invocation. */
    private final class Live implements AutoCloseable {
        final Map<String, Checkpointable> parts = new LinkedHashMap<>();
        BlendOutputs blendOutputs;
        ForceCalculator calculator;
        MolecularDynamics md;
        CalculationResult current;
        Map<String, Object> options;
        double wallBefore;
        final long t0 = System.nanoTime();

        double wall() {
            return wallBefore + (System.nanoTime() - t0) / 1e9;
        }

        @Override
        public void close() {
            RuntimeException first = null;
            for (AutoCloseable c : new AutoCloseable[] {md, blendOutputs, calculator}) {
                try {
                    if (c != null) {
                        c.close();
                    }
                } catch (Exception e) {
                    first = first == null ? new IllegalStateException("Closing the run's outputs failed: "
                            + e.getMessage(), e) : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * Runs (or, with a checkpoint, continues) to a total number of steps.
     *
     * @param totalSteps the step the run ends at (a resumed run continues to it)
     * @return how it ended
     */
    public RunResult run(long totalSteps) {
        CheckpointStore.Loaded ckpt = loadCheckpoint();
        if (ckpt != null && ckpt.step() > totalSteps) {
            throw new IllegalArgumentException("The checkpoint in " + ckpt.directory() + " is at step " + ckpt.step()
                    + ", past the " + totalSteps + " steps asked for: nothing to run (ask for more steps to continue; "
                    + "the outputs already hold the run up to step " + ckpt.step() + ")");
        }
        Map<String, Object> recorded = ckpt == null ? b.physicalOptions
                : PhysicalOptions.check(b.physicalOptions, ckpt, b.allowChangedOptions, b.name);
        if (ckpt != null && ckpt.step() == totalSteps) {
            LOG.info("{}: the checkpoint in {} is already at step {}, the last one asked for: nothing to run", b.name,
                    ckpt.directory(), totalSteps);
        }
        if (b.stopOnSignal) {
            TerminationSignal.install();
            TerminationSignal.enter();
        }
        try {
            return runAndSummarize(ckpt, recorded, totalSteps);
        } finally {
            if (b.stopOnSignal) {
                TerminationSignal.leave(); // only now: the JVM may exit once every run has left
            }
        }
    }

    private RunResult runAndSummarize(CheckpointStore.Loaded ckpt, Map<String, Object> recorded, long totalSteps) {
        String failure = null;
        boolean signal = false;
        long start = b.state.step();
        Live live = new Live();
        live.options = recorded;
        try (live) {
            open(live, ckpt);
            start = b.state.step();
            try {
                signal = loop(live, totalSteps);
            } catch (MdRunException e) {
                failure = e.getMessage();
            }
        }
        double errorTarget = live.calculator instanceof BlendingCalculator bc ? bc.controller().errorTargetEvPerA()
                : Double.NaN;
        RunResult result = new RunResult(b.name, b.state, b.state.step() - start, failure, signal, live.wall(),
                live.blendOutputs, errorTarget);
        if (b.outputs.summary() != null) {
            Json.writeFile(b.outputs.summary(), b.summary.apply(result));
        }
        return result;
    }

    /** The checkpoint to continue from, by the resume policy, or null to start at step 0. */
    private CheckpointStore.Loaded loadCheckpoint() {
        if (store == null || b.resume == Resume.NEVER) {
            return null;
        }
        CheckpointStore.Loaded ckpt;
        try {
            ckpt = store.readLatest().orElse(null);
        } catch (CheckpointException e) {
            if (b.resume != Resume.OR_START) {
                throw new CheckpointException(e.getMessage() + ". Nothing was changed; to start over from step 0 "
                        + "(the damaged checkpoints are moved aside, not deleted), ask for it (--resume-or-start on the command line, Resume.OR_START in the API)", e);
            }
            LOG.warn("{}: every checkpoint in {} is damaged; starting over from step 0 as asked (moved aside "
                    + "into {})", b.name, b.checkpointDir, store.setAsideAll());
            return null;
        }
        if (ckpt == null) {
            LOG.info("No checkpoint in {} yet: starting {} from step 0", b.checkpointDir, b.name);
        }
        return ckpt;
    }

    private void open(Live live, CheckpointStore.Loaded ckpt) {
        StateMap files = ckpt == null ? null : ckpt.content().getState("files");
        RunOutputs out = b.outputs;
        if (b.blending != null) {
            live.blendOutputs = files == null ? BlendOutputs.create(out.stepRecords(), out.trainingSet())
                    : BlendOutputs.resume(out.stepRecords(), out.trainingSet(), files);
            live.calculator = live.blendOutputs.attachTo(b.blending).build();
        } else {
            live.calculator = b.target;
        }
        live.parts.put("md_state", b.state);
        live.parts.put("integrator", b.integrator);
        if (live.calculator instanceof BlendingCalculator bc) {
            live.parts.put("calculator", bc);
            live.parts.put("blend_outputs", live.blendOutputs);
        }
        live.parts.putAll(b.parts);
        if (ckpt != null) {
            cutBack(out.thermo(), files, "thermo");
            cutBack(out.trajectory(), files, "trajectory");
            StateMap content = ckpt.content();
            live.parts.forEach((key, part) -> part.restoreState(content.getState(key)));
            live.current = CoreStates.calculationResult(content.getState("current"));
            live.wallBefore = content.getState("timing").getDouble("wall_seconds");
        }
        MolecularDynamics.Builder md = MolecularDynamics.builder(b.state, live.calculator, b.integrator);
        b.observers.forEach(o -> md.observer(o.observer(), o.every()));
        if (out.thermo() != null) {
            md.observer(ckpt == null ? ThermoLogger.create(out.thermo(), BlendColumns.thermoColumns())
                    : ThermoLogger.append(out.thermo(), BlendColumns.thermoColumns()), out.thermoEvery());
        }
        if (out.trajectory() != null) {
            md.observer(ckpt == null ? TrajectoryWriter.create(out.trajectory(), BlendColumns.trajectoryInfo())
                    : TrajectoryWriter.append(out.trajectory(), BlendColumns.trajectoryInfo()),
                    out.trajectoryEvery());
        }
        if (live.current != null) {
            md.resume(live.current);
        }
        live.md = md.build();
    }

    private static void cutBack(Path file, StateMap files, String key) {
        if (file != null && files.has(key) && files.getRaw(key) != null) {
            OutputFiles.cutBack(file, files.getLong(key));
        }
    }

    /** Runs in chunks between checkpoints; returns whether a termination signal stopped it. */
    private boolean loop(Live live, long totalSteps) {
        long lastWritten = -1;
        while (true) {
            long step = b.state.step();
            long remaining = Math.max(0, totalSteps - step);
            long chunk = store == null ? remaining : Math.min(remaining, b.checkpointEvery - step % b.checkpointEvery);
            live.md.run(chunk, () -> b.stopOnSignal && TerminationSignal.requested());
            boolean stop = b.stopOnSignal && TerminationSignal.requested();
            boolean end = b.state.step() >= totalSteps;
            long now = b.state.step();
            if (store != null && now > 0 && now != lastWritten && (now % b.checkpointEvery == 0 || end || stop)) {
                write(live);
                lastWritten = now;
            }
            if (stop) {
                LOG.warn("{}: stopped by a termination signal; checkpoint written at step {} in {}; continue with "
                        + "resume", b.name, now, b.checkpointDir);
                return true;
            }
            if (end) {
                return false;
            }
        }
    }

    private void write(Live live) {
        StateMap m = new StateMap();
        m.putString("run", b.name).putRaw("physical_options", live.options);
        live.parts.forEach((key, part) -> m.putState(key, part.saveState()));
        m.putState("current", CoreStates.of(live.md.current()));
        StateMap files = live.blendOutputs == null ? new StateMap() : live.blendOutputs.fileSizes();
        files.putRaw("thermo", OutputFiles.size(b.outputs.thermo()));
        files.putRaw("trajectory", OutputFiles.size(b.outputs.trajectory()));
        m.putState("files", files);
        m.putState("timing", new StateMap().putDouble("wall_seconds", live.wall()));
        store.write(b.state.step(), m, null);
    }

    /** An observer and its interval. */
    private record Attached(Observer observer, int every) {
    }

    /**
     * Builds a {@link BlendedRun}. Required: the start state and integrator, and either a plain calculator
     * ({@link #target}) or a blending calculator's builder ({@link #blending}). Defaults: no files, no checkpoints,
     * no resume, signals not handled, name {@code "run"}.
     */
    public static final class Builder {
        private final MdState state;
        private final Integrator integrator;
        private ForceCalculator target;
        private BlendingCalculatorBuilder blending;
        private RunOutputs outputs = RunOutputs.none();
        private final List<Attached> observers = new ArrayList<>();
        private final Map<String, Checkpointable> parts = new LinkedHashMap<>();
        private Path checkpointDir;
        private long checkpointEvery = 1000;
        private Resume resume = Resume.NEVER;
        private boolean allowChangedOptions;
        private boolean stopOnSignal;
        private Map<String, Object> physicalOptions = new LinkedHashMap<>();
        private String name = "run";
        private Function<RunResult, Map<String, Object>> summary = RunSummaries::basic;

        private Builder(MdState state, Integrator integrator) {
            this.state = Objects.requireNonNull(state, "state");
            this.integrator = Objects.requireNonNull(integrator, "integrator");
        }

        /**
         * A run on a plain calculator (the target alone, or a frozen surrogate); owned and closed by the run.
         *
         * @param value the calculator
         * @return this
         */
        public Builder target(ForceCalculator value) {
            this.target = Objects.requireNonNull(value);
            this.blending = null;
            return this;
        }

        /**
         * A blended run: the run gives the builder its training set, listeners and (on resume) the target results
         * to replay, then builds the calculator.
         *
         * @param value the configured builder of the blending calculator
         * @return this
         */
        public Builder blending(BlendingCalculatorBuilder value) {
            this.blending = Objects.requireNonNull(value);
            this.target = null;
            return this;
        }

        /**
         * @param value where the files go
         * @return this
         */
        public Builder outputs(RunOutputs value) {
            this.outputs = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Attaches an observer; one that is {@link Checkpointable} is saved and restored with the run, keyed by the
         * order of registration (register the same observers in the same order when resuming).
         *
         * @param observer the observer
         * @param every its interval, steps
         * @return this
         */
        public Builder observer(Observer observer, int every) {
            Objects.requireNonNull(observer);
            if (observer instanceof Checkpointable c) {
                parts.put("observer-" + observers.size(), c);
            }
            observers.add(new Attached(observer, every));
            return this;
        }

        /**
         * Saves and restores another part with the run (e.g. a wrapper that times the target).
         *
         * @param key its key in the checkpoint
         * @param part the part
         * @return this
         */
        public Builder checkpointed(String key, Checkpointable part) {
            parts.put("part-" + key, Objects.requireNonNull(part));
            return this;
        }

        /**
         * @param dir where checkpoints go (each in a sub-directory per step; the newest two are kept)
         * @param every interval, steps (≥ 1)
         * @return this
         */
        public Builder checkpoint(Path dir, long every) {
            this.checkpointDir = Objects.requireNonNull(dir);
            this.checkpointEvery = every;
            return this;
        }

        /**
         * @param value true: continue from the newest intact checkpoint in the checkpoint directory, if there is
         *     one ({@link Resume#IF_PRESENT}); false: start at step 0 ({@link Resume#NEVER})
         * @return this
         */
        public Builder resume(boolean value) {
            return resume(value ? Resume.IF_PRESENT : Resume.NEVER);
        }

        /**
         * @param value what to do with the checkpoint directory at the start (default {@link Resume#NEVER})
         * @return this
         */
        public Builder resume(Resume value) {
            this.resume = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param options what defines the run's physics; a resume with other values is refused unless allowed
         * @param allowChanged resume even when they differ (logged)
         * @return this
         */
        public Builder physicalOptions(Map<String, Object> options, boolean allowChanged) {
            this.physicalOptions = new LinkedHashMap<>(options);
            this.allowChangedOptions = allowChanged;
            return this;
        }

        /**
         * @param value write a checkpoint and stop cleanly when the JVM gets SIGTERM (needs a checkpoint directory)
         * @return this
         */
        public Builder stopOnTerminationSignal(boolean value) {
            this.stopOnSignal = value;
            return this;
        }

        /**
         * @param value the run's name in messages and checkpoints
         * @return this
         */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value what the summary file holds (default {@link RunSummaries#basic})
         * @return this
         */
        public Builder summary(Function<RunResult, Map<String, Object>> value) {
            this.summary = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Checks the settings and every output location (before any work).
         *
         * @return the run
         * @throws IllegalArgumentException naming the bad value or the unwritable location and why
         */
        public BlendedRun build() {
            if (target == null && blending == null) {
                throw new IllegalArgumentException("A run needs a calculator: target(...) or blending(...)");
            }
            if (checkpointEvery < 1) {
                throw new IllegalArgumentException("Checkpoint interval must be ≥ 1 step, got " + checkpointEvery);
            }
            if (stopOnSignal && checkpointDir == null) {
                throw new IllegalArgumentException("Stopping on a termination signal needs a checkpoint directory");
            }
            OutputFiles.checkDistinct(Map.of(), outputs.paths());
            outputs.paths().forEach((role, p) -> OutputFiles.checkWritableFile(p, role));
            if (checkpointDir != null) {
                checkCheckpointDirectory();
            }
            return new BlendedRun(this);
        }

        private void checkCheckpointDirectory() {
            if (resume == Resume.REQUIRED && !Files.isDirectory(checkpointDir)) {
                throw new IllegalArgumentException("Checkpoint directory " + checkpointDir + " does not exist: "
                        + "nothing to resume (a mistyped path?). To start a run that later resumes there, create "
                        + "it empty first (mkdir -p " + checkpointDir + ")");
            }
            OutputFiles.checkWritableDirectory(checkpointDir, "checkpoint directory");
            if (resume == Resume.NEVER && new CheckpointStore(checkpointDir, FORMAT, FORMAT_VERSION, 2)
                    .holdsCheckpoints()) {
                throw new IllegalArgumentException("Checkpoint directory " + checkpointDir + " already holds "
                        + "checkpoints, which a new run would overwrite: resume from them, or choose another "
                        + "directory");
            }
        }
    }
}
