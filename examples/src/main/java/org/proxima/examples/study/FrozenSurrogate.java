package org.proxima.examples.study;

import org.proxima.md.run.RunOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.io.Json;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.SurrogateCalculator;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.training.TrainingSet;
import org.proxima.surrogate.descriptor.DescriptorPreset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The surrogate-only control of the studies: the same kind of ensemble, with the same settings, trained once on N
 * target frames taken evenly from an independent target-only run at the same conditions (its own seed,
 * {@link #TRAINING_SEED}), then frozen. N is the blend replicas' median final training-set size, so the frozen
 * surrogate has seen as much target data as a blended run had at its end, but from the start and never updated. The
 * training run, its frames and the saved model stay in {@code OUTPUT/<study>/surrogate-training-seedS/} and are
 * reused by a later invocation with the same conditions.
 */
public final class FrozenSurrogate {

    private static final Logger LOG = LoggerFactory.getLogger(FrozenSurrogate.class);

    /** Seed of the independent target-only run whose frames train the frozen surrogate. */
    public static final long TRAINING_SEED = 9001;

    private FrozenSurrogate() {
    }

    /**
     * Trains the frozen surrogate (or finds it trained by an earlier invocation) and returns the factory that loads
     * it for each run.
     *
     * @param conditions the study's conditions
     * @param o the study's options
     * @param frames N, target frames to train on
     * @param progress progress sink or null
     * @return a factory of surrogate-only calculators
     */
    public static TargetFactory prepare(StudyConditions conditions, StudyOptions o, int frames,
            ProgressSink progress) {
        if (frames < 2) {
            throw new IllegalArgumentException("The surrogate-only mode needs at least 2 training frames, got "
                    + frames);
        }
        BlendSettings blend = o.blend(StudyMode.SURROGATE, conditions.npt());
        String name = "surrogate-training-seed" + TRAINING_SEED;
        Path dir = o.output().resolve(conditions.study()).resolve(name);
        Path model = dir.resolve("model");
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("target", o.target().description());
        identity.put("surrogate", blend.surrogate().label());
        identity.put("frames", frames);
        identity.put("seed", TRAINING_SEED);
        identity.put("study", conditions.study());
        identity.put("temperature_K", conditions.temperatureK());
        identity.put("volume_A3", conditions.start().cell().volumeA3());
        identity.put("steps", conditions.steps());
        identity.put("training_max_size", blend.plan().maxSize());
        identity.put("epochs", blend.plan().epochs());
        if (blend.surrogate() == SurrogateKind.LINEAR) {
            identity.put("ridge", blend.plan().ridge());
        }
        if (blend.plan().descriptor() != DescriptorPreset.PAPER) {
            identity.put("descriptor", blend.plan().descriptor().label());
        }
        Path record = dir.resolve("frozen-surrogate.json");
        if (!matches(record, identity) || !Files.isDirectory(model)) {
            train(conditions, o, blend, frames, dir, name, progress);
            Json.writeFile(record, identity);
        } else {
            LOG.info("Reusing the frozen {} surrogate in {}", blend.surrogate().label(), dir);
        }
        String description = "surrogate only (" + blend.surrogate().label() + ", " + frames + " frames of "
                + o.target().description() + " seed " + TRAINING_SEED + ")";
        SurrogateKind kind = blend.surrogate();
        return new TargetFactory() {
            @Override
            public ForceCalculator create(Set<String> elements) {
                return new SurrogateCalculator(kind.load(model));
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Path record, Map<String, Object> identity) {
        if (!Files.isRegularFile(record)) {
            return false;
        }
        Map<String, Object> saved = (Map<String, Object>) Json.readFile(record);
        return Objects.equals(saved, Json.parse(Json.write(identity)));
    }

    private static void train(StudyConditions c, StudyOptions o, BlendSettings blend, int frames, Path dir,
            String name, ProgressSink progress) {
        int stride = (int) Math.max(1, c.steps() / frames);
        LOG.info("Training the frozen {} surrogate on {} frames (every {} steps) of a target-only run, seed {}",
                blend.surrogate().label(), frames, stride, TRAINING_SEED);
        RunSpec spec = c.spec(name, o.target(), o.blend(StudyMode.TARGET, c.npt()), TRAINING_SEED,
                new RunOutputs(dir.resolve("thermo.csv"), 1, dir.resolve("trajectory.extxyz"), stride, null, null,
                        dir.resolve("summary.json")), null);
        RunOutcome out = StudyRun.run(spec, progress);
        if (out.failure() != null) {
            throw new IllegalStateException("The target-only run for the frozen surrogate failed: " + out.failure());
        }
        List<TrainingPoint> all = TrainingSet.read(dir.resolve("trajectory.extxyz"));
        List<TrainingPoint> data = new ArrayList<>(all.subList(0, Math.min(frames, all.size())));
        if (data.size() < frames) {
            LOG.warn("The target-only run gave {} frames, fewer than the {} asked for", data.size(), frames);
        }
        EnsembleSurrogate untrained = blend.surrogate().create(List.copyOf(c.start().species()),
                blend.plan().epochs(), blend.plan().ridge(), blend.plan().descriptor(), TRAINING_SEED);
        EnsembleSurrogate.Trained t = untrained.fit(data, new EnsembleSurrogate.FitOptions(1,
                TRAINING_SEED + 7919, blend.plan().maxSize(), 1.0));
        untrained.close();
        try (EnsembleSurrogate trained = t.ensemble()) {
            blend.surrogate().save(trained, dir.resolve("model"));
        }
    }
}
