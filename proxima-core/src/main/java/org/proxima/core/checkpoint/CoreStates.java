package org.proxima.core.checkpoint;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;

/** Checkpoint forms of calculation results, exact to the bit. */
public final class CoreStates {

    private CoreStates() {
    }

    /**
     * @param r a calculation result
     * @return its state
     */
    public static StateMap of(CalculationResult r) {
        return new StateMap().putDouble("energy_eV", r.energyEv())
                .putDoubles("forces_eV_per_A", r.has(Property.FORCES) ? r.forcesEvPerA() : null)
                .putDoubles("stress_eV_per_A3", r.has(Property.STRESS) ? r.stressEvPerA3() : null)
                .putDoubles("energies_eV", r.has(Property.ENERGIES) ? r.energiesEv() : null);
    }

    /**
     * @param m a state written by {@link #of(CalculationResult)}
     * @return the result
     */
    public static CalculationResult calculationResult(StateMap m) {
        return new CalculationResult(m.getDouble("energy_eV"), m.getDoubles("forces_eV_per_A"),
                m.getDoubles("stress_eV_per_A3"), m.getDoubles("energies_eV"));
    }
}
