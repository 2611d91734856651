package org.proxima.examples.study;

import org.proxima.md.run.RunOutputs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;

/**
 * The physical conditions of one study, shared by all its runs: start structure, temperature, integrator, length,
 * averaging window and hop detection. Every run starts from Maxwell–Boltzmann velocities at the temperature, drawn
 * with the run's seed.
 *
 * @param study the study's name ({@code npt} or {@code hops})
 * @param start the start structure (at the study's volume)
 * @param temperatureK temperature, K
 * @param integrator makes the study's integrator
 * @param steps MD steps per run
 * @param averageFromStep first step of the averages
 * @param hops whether vacancy hops are detected
 * @param npt whether the study is NPT (selects the training defaults)
 */
public record StudyConditions(String study, Structure start, double temperatureK, Supplier<Integrator> integrator,
        long steps, long averageFromStep, boolean hops, boolean npt) {

    /**
     * Validates.
     */
    public StudyConditions {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(integrator, "integrator");
    }

    /**
     * One run at these conditions.
     *
     * @param name the run's label
     * @param target its target (or frozen surrogate)
     * @param blend how it uses the surrogate
     * @param seed its seed (velocities, audits, trainings)
     * @param outputs where its files go
     * @param checkpoint its checkpointing, or null
     * @return the run
     */
    public RunSpec spec(String name, TargetFactory target, BlendSettings blend, long seed, RunOutputs outputs,
            CheckpointSettings checkpoint) {
        Map<String, Object> physics = new LinkedHashMap<>();
        physics.put("study", study);
        physics.put("temperature_K", temperatureK);
        physics.put("timestep_fs", 1.0);
        physics.put("volume_A3", start.cell().volumeA3());
        physics.put("atoms", start.size());
        physics.put("target", target.description());
        physics.put("seed", seed);
        physics.putAll(blend.toMap());
        return new RunSpec(name, () -> {
            MdState s = MdState.of(start, seed);
            Velocities.maxwellBoltzmann(s, temperatureK, seed);
            return s;
        }, integrator, steps, target, blend, seed, averageFromStep, null, hops, outputs, checkpoint, physics);
    }

    /**
     * The run directory of a study run.
     *
     * @param output the study's output root
     * @param name the run's label
     * @return {@code output/study/name}
     */
    public Path directory(Path output, String name) {
        return output.resolve(study).resolve(name);
    }
}
