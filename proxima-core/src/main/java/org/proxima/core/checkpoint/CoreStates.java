package org.proxima.core.checkpoint;

import org.proxima.core.blend.BlendingState;
import org.proxima.core.blend.ControllerState;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;

/** Checkpoint forms of the core's state values, exact to the bit. */
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

    /**
     * @param s a blending calculator's decision state
     * @return its checkpoint form
     */
    public static StateMap of(BlendingState s) {
        ControllerState c = s.controller();
        StateMap controller = c == null ? null : new StateMap().putDouble("threshold", c.threshold())
                .putDouble("alpha", c.alpha()).putDoubles("window_uq", c.windowUq())
                .putDoubles("window_error", c.windowError());
        return new StateMap().putLong("calls", s.calls()).putLong("blend_index", s.blendIndex())
                .putLong("target_calls", s.targetCalls()).putLong("new_points", s.newPoints())
                .putLongs("model_versions", s.modelVersions())
                .putLongs("fade_ages", java.util.Arrays.stream(s.fadeAges()).asLongStream().toArray())
                .putDouble("last_lambda", s.lastLambda())
                .putDouble("last_surrogate_energy_eV", s.lastSurrogateEnergyEv())
                .putDouble("last_target_energy_eV", s.lastTargetEnergyEv()).putDouble("blend_work_eV", s.blendWorkEv())
                .putState("controller", controller);
    }

    /**
     * @param m a state written by {@link #of(BlendingState)}
     * @return the decision state
     */
    public static BlendingState blendingState(StateMap m) {
        StateMap c = m.getState("controller");
        ControllerState controller = c == null ? null : new ControllerState(c.getDouble("threshold"),
                c.getDouble("alpha"), c.getDoubles("window_uq"), c.getDoubles("window_error"));
        return new BlendingState(m.getLong("calls"), (int) m.getLong("blend_index"), m.getLong("target_calls"),
                m.getLong("new_points"), m.getLongs("model_versions"),
                java.util.Arrays.stream(m.getLongs("fade_ages")).mapToInt(Math::toIntExact).toArray(),
                m.getDouble("last_lambda"), m.getDouble("last_surrogate_energy_eV"),
                m.getDouble("last_target_energy_eV"), m.getDouble("blend_work_eV"), controller);
    }
}
