package org.proxima.md.integrate;

import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.analysis.ThermoStatistics;
import org.proxima.md.potential.StillingerWeber;

/** Runs Stillinger–Weber MD from Maxwell–Boltzmann velocities and collects thermo statistics, for tests. */
final class MdRuns {

    private MdRuns() {
    }

    static ThermoStatistics run(Structure s, Integrator integrator, double initialK, long steps, long seed,
            int interval) {
        MdState state = MdState.of(s, seed);
        Velocities.maxwellBoltzmann(state, initialK, seed);
        ThermoStatistics stats = new ThermoStatistics();
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, integrator).observer(stats, interval)
                        .build()) {
            md.run(steps);
        }
        return stats;
    }
}
