package org.proxima.md.integrate;

import java.util.OptionalDouble;
import java.util.Set;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Cell;
import org.proxima.core.units.Units;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * Berendsen NPT as ASE's {@code NPTBerendsen} (isotropic) and {@code Inhomogeneous_NPTBerendsen} (per axis):
 * before each velocity-Verlet step the velocities are rescaled as in {@link BerendsenNvt}, then the cell and the
 * atoms (fractional coordinates kept) are scaled by μ = 1 − (dt/τ_P)(β/3)(P₀ − P) where β is the compressibility
 * and P the pressure including the kinetic term; per axis, lattice vector k is scaled with P = −σ_kk. Berendsen
 * does not sample the NPT ensemble and has no conserved quantity; use it for equilibration.
 */
public final class BerendsenNpt implements Integrator {

    private final double dt;
    private final double pressureEvPerA3;
    private final double tauPFs;
    private final double compressibilityPerEvPerA3;
    private final boolean[] axes;
    private final BerendsenNvt thermostat;
    private final VelocityVerlet verlet;

    /**
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @param tauTFs thermostat time constant, fs
     * @param pressureGpa target pressure, GPa
     * @param tauPFs barostat time constant, fs
     * @param bulkModulusGpa bulk modulus B, GPa (compressibility = 1/B)
     * @param perAxis which lattice vectors may scale, or {@code null} for isotropic scaling of the whole cell
     */
    public BerendsenNpt(double timestepFs, double temperatureK, double tauTFs, double pressureGpa, double tauPFs,
            double bulkModulusGpa, boolean[] perAxis) {
        this.dt = Motion.positive(timestepFs, "Time step (fs)");
        if (!Double.isFinite(pressureGpa)) {
            throw new IllegalArgumentException("Pressure must be finite, got " + pressureGpa + " GPa");
        }
        this.pressureEvPerA3 = Units.gpaToEvPerA3(pressureGpa);
        this.tauPFs = Motion.positive(tauPFs, "Barostat time constant (fs)");
        this.compressibilityPerEvPerA3 = 1.0 / Units.gpaToEvPerA3(Motion.positive(bulkModulusGpa,
                "Bulk modulus (GPa)"));
        if (perAxis != null && perAxis.length != 3) {
            throw new IllegalArgumentException("Per-axis mask needs 3 values, got " + perAxis.length);
        }
        this.axes = perAxis == null ? null : perAxis.clone();
        this.thermostat = new BerendsenNvt(timestepFs, temperatureK, tauTFs);
        this.verlet = new VelocityVerlet(timestepFs);
    }

    @Override
    public String name() {
        return axes == null ? "berendsen-npt" : "berendsen-npt-per-axis";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public Set<Property> requiredProperties() {
        return Motion.WITH_STRESS;
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        thermostat.initialize(state, current);
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        thermostat.rescale(state);
        double v = state.cell().volumeA3();
        double[] stress = current.stressEvPerA3();
        double[] kin = state.kineticTensorEv();
        double c = dt / tauPFs * compressibilityPerEvPerA3 / 3.0;
        double[] scale = new double[3];
        if (axes == null) {
            double p = -(stress[0] + stress[1] + stress[2]) / 3 + (kin[0] + kin[1] + kin[2]) / (3 * v);
            double mu = 1 - c * (pressureEvPerA3 - p);
            scale[0] = mu;
            scale[1] = mu;
            scale[2] = mu;
        } else {
            for (int k = 0; k < 3; k++) {
                double pk = -stress[k] + kin[k] / v;
                scale[k] = axes[k] ? 1 - c * (pressureEvPerA3 - pk) : 1.0;
            }
        }
        Cell old = state.cell();
        DMatrix3x3 h = old.matrix();
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                h.set(r, col, h.get(r, col) * scale[r]);
            }
        }
        Cell scaled = Cell.of(h, old.pbc());
        double[] x = state.positions();
        old.toFractional(x, x);
        scaled.toCartesian(x, x);
        state.setCell(scaled);
        return verlet.step(state, current, forceField);
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        return OptionalDouble.empty();
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }
}
