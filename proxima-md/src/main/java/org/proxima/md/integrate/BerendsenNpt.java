package org.proxima.md.integrate;

import java.util.OptionalDouble;
import java.util.Set;

import org.ejml.data.DMatrix3x3;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.model.CellOrientation;
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
    private final BarostatMask mask;
    private final BerendsenNvt thermostat;
    private final VelocityVerlet verlet;
    private final double[] kin = new double[6];
    private final double[] scale = new double[3];
    private final DMatrix3x3 inverse = new DMatrix3x3();
    private final DMatrix3x3 scaled = new DMatrix3x3();

    private BerendsenNpt(Builder b) {
        this.dt = Motion.positive(b.timestepFs, "Time step (fs)");
        if (!Double.isFinite(b.pressureGpa)) {
            throw new IllegalArgumentException("Pressure must be finite, got " + b.pressureGpa + " GPa");
        }
        if (Double.isNaN(b.tauTFs) || Double.isNaN(b.tauPFs)) {
            throw new IllegalArgumentException("Berendsen NPT needs thermostat(tauTFs) and barostat(tauPFs, "
                    + "bulkModulusGpa)");
        }
        this.pressureEvPerA3 = Units.gpaToEvPerA3(b.pressureGpa);
        this.tauPFs = Motion.positive(b.tauPFs, "Barostat time constant (fs)");
        this.compressibilityPerEvPerA3 = 1.0 / Units.gpaToEvPerA3(Motion.positive(b.bulkModulusGpa,
                "Bulk modulus (GPa)"));
        if (b.mask != null && b.mask.anyShear()) {
            throw new IllegalArgumentException("Berendsen NPT scales lattice vectors, not shear: its mask may free "
                    + "only xx, yy, zz, got " + b.mask);
        }
        this.mask = b.mask;
        this.thermostat = BerendsenNvt.of(b.timestepFs, b.temperatureK, b.tauTFs);
        this.verlet = VelocityVerlet.of(b.timestepFs);
    }

    /**
     * Starts a builder: isotropic scaling at 0 GPa unless told otherwise; {@link Builder#thermostat} and
     * {@link Builder#barostat} are required.
     *
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @return the builder
     */
    public static Builder builder(double timestepFs, double temperatureK) {
        return new Builder(timestepFs, temperatureK);
    }

    /** Builds a {@link BerendsenNpt}. */
    public static final class Builder {
        private final double timestepFs;
        private final double temperatureK;
        private double tauTFs = Double.NaN;
        private double tauPFs = Double.NaN;
        private double bulkModulusGpa = Double.NaN;
        private double pressureGpa;
        private BarostatMask mask;

        private Builder(double timestepFs, double temperatureK) {
            this.timestepFs = timestepFs;
            this.temperatureK = temperatureK;
        }

        /**
         * @param value thermostat time constant τ_T, fs
         * @return this
         */
        public Builder thermostat(double value) {
            this.tauTFs = value;
            return this;
        }

        /**
         * @param tauPFs barostat time constant τ_P, fs
         * @param bulkModulusGpa bulk modulus B, GPa (compressibility = 1/B)
         * @return this
         */
        public Builder barostat(double tauPFs, double bulkModulusGpa) {
            this.tauPFs = tauPFs;
            this.bulkModulusGpa = bulkModulusGpa;
            return this;
        }

        /**
         * @param value target pressure, GPa (default 0)
         * @return this
         */
        public Builder pressureGpa(double value) {
            this.pressureGpa = value;
            return this;
        }

        /**
         * Scales the whole cell by one factor from the mean pressure (the default; ASE's {@code NPTBerendsen}).
         *
         * @return this
         */
        public Builder isotropic() {
            this.mask = null;
            return this;
        }

        /**
         * Scales each lattice vector whose diagonal flag is set from its own pressure component (ASE's
         * {@code Inhomogeneous_NPTBerendsen}).
         *
         * @param value the mask (shear flags must be 0)
         * @return this
         */
        public Builder mask(BarostatMask value) {
            this.mask = java.util.Objects.requireNonNull(value);
            return this;
        }

        /**
         * @return the integrator
         * @throws IllegalArgumentException naming a bad value or a missing thermostat or barostat
         */
        public BerendsenNpt build() {
            return new BerendsenNpt(this);
        }
    }

    @Override
    public String name() {
        return mask == null ? "berendsen-npt" : "berendsen-npt-per-axis";
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
        double v = state.volumeA3();
        state.kineticTensorInto(kin);
        double c = dt / tauPFs * compressibilityPerEvPerA3 / 3.0;
        if (mask == null) {
            double p = -(current.stressEvPerA3(0) + current.stressEvPerA3(1) + current.stressEvPerA3(2)) / 3
                    + (kin[0] + kin[1] + kin[2]) / (3 * v);
            double mu = 1 - c * (pressureEvPerA3 - p);
            scale[0] = mu;
            scale[1] = mu;
            scale[2] = mu;
        } else {
            for (int k = 0; k < 3; k++) {
                double pk = -current.stressEvPerA3(k) + kin[k] / v;
                scale[k] = mask.free(k) ? 1 - c * (pressureEvPerA3 - pk) : 1.0;
            }
        }
        DMatrix3x3 h = state.cellMatrix();
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 3; col++) {
                scaled.set(r, col, h.get(r, col) * scale[r]);
            }
        }
        // fractional coordinates kept: x ← (x H⁻¹) H′
        CommonOps_DDF3.invert(h, inverse);
        double[] x = state.positions();
        CellOrientation.rotate(x, inverse);
        CellOrientation.rotate(x, scaled);
        state.setCellMatrix(scaled);
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
