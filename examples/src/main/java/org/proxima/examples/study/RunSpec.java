package org.proxima.examples.study;

import org.proxima.md.run.RunOutputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Everything one blended (or target-only) MD run needs.
 *
 * @param name label of the run, e.g. {@code blend-seed3}
 * @param initialState makes the start state (positions, velocities, cell); called once per run, also when resuming
 *     (for the hop detectors' reference sites)
 * @param integrator makes a fresh integrator for the run
 * @param steps total MD steps of the run (a resumed run continues to this step)
 * @param target the target calculator
 * @param blend how the surrogate is used
 * @param seed seed of the audits and trainings
 * @param averageFromStep first step of the averages (volume, density, temperature)
 * @param dvdtFromStep first step of max |dV/dt|, or null for "after the first training" (target-only runs: after
 *     the step the first training would have come)
 * @param hops detect vacancy hops (a single vacancy in a diamond supercell)
 * @param outputs where the files go
 * @param checkpoint checkpointing, or null for none
 * @param physicalOptions what defines the physics of the run (compared when resuming)
 */
public record RunSpec(String name, Supplier<MdState> initialState, Supplier<Integrator> integrator, long steps,
        TargetFactory target, BlendSettings blend, long seed, long averageFromStep, Long dvdtFromStep, boolean hops,
        RunOutputs outputs, CheckpointSettings checkpoint, Map<String, Object> physicalOptions) {

    /**
     * Validates and copies.
     */
    public RunSpec {
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(outputs, "outputs");
        physicalOptions = new LinkedHashMap<>(physicalOptions);
        if (steps < 0 || averageFromStep < 0) {
            throw new IllegalArgumentException("Need steps and averaging start ≥ 0");
        }
    }
}
