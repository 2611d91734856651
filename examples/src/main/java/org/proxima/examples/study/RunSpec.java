package org.proxima.examples.study;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;

/**
 * Everything one blended (or target-only) MD run needs.
 *
 * @param name label of the run, e.g. {@code blend-seed3}
 * @param start start structure
 * @param initialTemperatureK temperature of the Maxwell–Boltzmann initial velocities, K
 * @param integrator makes a fresh integrator for the run
 * @param steps MD steps
 * @param target the target calculator
 * @param blend how the surrogate is used
 * @param seed seed of velocities, thermostat, audits and trainings
 * @param averageFromStep first step of the averages (volume, density, temperature)
 * @param hops detect vacancy hops
 * @param trajectoryEvery trajectory interval, steps (0 for no trajectory)
 * @param directory output directory of the run
 */
public record RunSpec(String name, Structure start, double initialTemperatureK, Supplier<Integrator> integrator,
        long steps, TargetFactory target, BlendSettings blend, long seed, long averageFromStep, boolean hops,
        int trajectoryEvery, Path directory) {

    /**
     * Validates.
     */
    public RunSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(integrator, "integrator");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(directory, "directory");
        if (steps < 0 || averageFromStep < 0 || trajectoryEvery < 0 || !(initialTemperatureK >= 0)) {
            throw new IllegalArgumentException("Need steps, averaging start and trajectory interval ≥ 0 and an "
                    + "initial temperature ≥ 0 K");
        }
    }
}
