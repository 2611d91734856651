package org.proxima.md.observe;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;
import org.proxima.core.units.Units;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * A read-only view of the simulation at one step, built once per report step for all observers. Scalar
 * quantities are computed on first use; array accessors return copies, single-component accessors do not.
 * Valid only during the observer call.
 */
public final class Snapshot {

    private final MdState state;
    private final CalculationResult result;
    private final Integrator integrator;
    private double kinetic = Double.NaN;
    private Double conserved;

    /**
     * @param state the live state
     * @param result the calculation at the current positions
     * @param integrator the integrator (for degrees of freedom and the conserved quantity)
     */
    public Snapshot(MdState state, CalculationResult result, Integrator integrator) {
        this.state = state;
        this.result = result;
        this.integrator = integrator;
    }

    /** @return completed steps */
    public long step() {
        return state.step();
    }

    /** @return simulated time, fs */
    public double timeFs() {
        return state.timeFs();
    }

    /** @return number of atoms */
    public int atomCount() {
        return state.size();
    }

    /** @return potential energy, eV */
    public double potentialEnergyEv() {
        return result.energyEv();
    }

    /** @return kinetic energy, eV */
    public double kineticEnergyEv() {
        if (Double.isNaN(kinetic)) {
            kinetic = state.kineticEnergyEv();
        }
        return kinetic;
    }

    /** @return potential + kinetic energy, eV */
    public double totalEnergyEv() {
        return potentialEnergyEv() + kineticEnergyEv();
    }

    /** @return the integrator's conserved quantity, eV, or NaN if it has none */
    public double conservedEnergyEv() {
        if (conserved == null) {
            conserved = integrator.conservedEnergyEv(state, result).orElse(Double.NaN);
        }
        return conserved;
    }

    /** @return degrees of freedom used for the temperature */
    public int degreesOfFreedom() {
        return integrator.degreesOfFreedom(state);
    }

    /** @return temperature 2 KE / (f k_B), K, with f = {@link #degreesOfFreedom()} */
    public double temperatureK() {
        return 2 * kineticEnergyEv() / (degreesOfFreedom() * Units.KB_EV_PER_K);
    }

    /** @return the cell */
    public Cell cell() {
        return state.cell();
    }

    /** @return volume, Å³ */
    public double volumeA3() {
        return state.cell().volumeA3();
    }

    /** @return mass density, g/cm³ */
    public double densityGPerCm3() {
        return Units.densityGPerCm3(state.totalMassAmu(), volumeA3());
    }

    /** @return whether the calculation holds stress */
    public boolean hasStress() {
        return result.has(Property.STRESS);
    }

    /**
     * Stress including the kinetic (ideal-gas) term, σ − Σ m v⊗v / V, as ASE's
     * {@code get_stress(include_ideal_gas=True)}.
     *
     * @return Voigt stress, eV/Å³
     */
    public double[] totalStressEvPerA3() {
        double[] s = result.stressEvPerA3();
        double[] kin = state.kineticTensorEv();
        double v = volumeA3();
        for (int k = 0; k < 6; k++) {
            s[k] -= kin[k] / v;
        }
        return s;
    }

    /** @return pressure including the kinetic term, GPa, or NaN without stress */
    public double pressureGpa() {
        if (!hasStress()) {
            return Double.NaN;
        }
        double[] s = result.stressEvPerA3();
        double p = -(s[0] + s[1] + s[2]) / 3 + 2 * kineticEnergyEv() / (3 * volumeA3());
        return Units.evPerA3ToGpa(p);
    }

    /** @return the calculation at this step (immutable) */
    public CalculationResult result() {
        return result;
    }

    /**
     * @param atom atom index
     * @param axis 0, 1, 2
     * @return position component, Å
     */
    public double position(int atom, int axis) {
        return state.positions()[3 * atom + axis];
    }

    /**
     * @param atom atom index
     * @param axis 0, 1, 2
     * @return velocity component, Å/fs
     */
    public double velocity(int atom, int axis) {
        return state.velocities()[3 * atom + axis];
    }

    /** @return flat positions, Å (a copy) */
    public double[] positionsA() {
        return state.positions().clone();
    }

    /** @return flat velocities, Å/fs (a copy) */
    public double[] velocitiesAPerFs() {
        return state.velocities().clone();
    }

    /** @return the immutable structure at this step */
    public Structure structure() {
        return state.toStructure();
    }

    /** @return a deep copy of the MD state (for checkpoints) */
    public MdState stateCopy() {
        return state.copy();
    }
}
