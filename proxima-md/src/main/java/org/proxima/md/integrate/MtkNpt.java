package org.proxima.md.integrate;

import java.util.OptionalDouble;
import java.util.Set;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Cell;
import org.proxima.core.model.CellOrientation;
import org.proxima.core.units.Units;
import org.proxima.md.ForceField;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;

/**
 * NPT in the Martyna–Tobias–Klein form (J. Chem. Phys. 101, 4177, 1994) with Nosé–Hoover chains on the particles
 * and on the barostat, integrated exactly as LAMMPS {@code fix npt} (Shinoda, Shiga and Mikami, PRB 69, 134103,
 * 2004; Tuckerman et al., J. Phys. A 39, 5629, 2006) with {@code mtk yes}, {@code tchain 3}, {@code pchain 3},
 * {@code tloop 1}, {@code ploop 1}. It samples the exact isothermal–isobaric volume distribution.
 *
 * <p>Options as LAMMPS: {@code Tdamp} (fs), {@code Pdamp} (fs), a target pressure, and which cell components are
 * barostatted: a {@link BarostatMask} (the diagonal components for {@code aniso}, all six for {@code tri}), or
 * {@link Builder#isotropic()} for {@code iso} (volume only). Barostat masses W = (N + 1) k_B T Pdamp²; there is no
 * bulk modulus in this scheme. Tilt factors that are not barostatted are scaled with their box length, as LAMMPS'
 * default {@code scalexy/scalexz/scaleyz yes}. The cell must be in LAMMPS' restricted form (rows a = (l_x, 0, 0),
 * b = (xy, l_y, 0), c = (xz, yz, l_z)); any other cell is rotated rigidly into it at the start. Positions keep
 * their fractional coordinates when the box changes, with the box origin fixed (LAMMPS fixes the box centre,
 * which only translates the system). Conserved quantity as LAMMPS' {@code etotal + f_ID}.
 */
public final class MtkNpt implements Integrator {

    private static final String OMEGA_DOT = "mtk.omegaDot";
    private static final String ETAP = "mtk.etap";
    private static final String ETAP_DOT = "mtk.etapDot";
    private static final String VOL0 = "mtk.vol0";

    private final double dt;
    private final double kt;
    private final double pdampFs;
    private final double pressureEvPerA3;
    private final boolean iso;
    private final boolean[] flag;
    private final boolean triclinic;
    private final int pchain;
    private final NoseHooverChainThermostat thermostat;
    private final double[] kin = new double[6];
    private final double[] pressure = new double[6];
    private final double[] box = new double[6];
    private final double[] diag = new double[3];
    private final double[] chainAcc;
    private final DMatrix3x3 inverse = new DMatrix3x3();
    private final DMatrix3x3 updated = new DMatrix3x3();
    private double[] forces = new double[0];

    private MtkNpt(Builder b) {
        this.dt = Motion.positive(b.timestepFs, "Time step (fs)");
        this.kt = Units.KB_EV_PER_K * Motion.positive(b.temperatureK, "Temperature (K)");
        this.pdampFs = Motion.positive(b.pdampFs, "Barostat damping time Pdamp (fs)");
        if (!Double.isFinite(b.pressureGpa)) {
            throw new IllegalArgumentException("Pressure must be finite, got " + b.pressureGpa + " GPa");
        }
        this.pressureEvPerA3 = Units.gpaToEvPerA3(b.pressureGpa);
        this.iso = b.isotropic;
        this.flag = b.isotropic ? new boolean[] {true, true, true, false, false, false} : b.mask.flags();
        this.triclinic = !iso && b.mask.anyShear();
        if (!flag[0] && !flag[1] && !flag[2]) {
            throw new IllegalArgumentException("MTK NPT needs at least one diagonal component in the mask, got "
                    + b.mask);
        }
        if (b.pchain < 0) {
            throw new IllegalArgumentException("Barostat chain length must be ≥ 0, got " + b.pchain);
        }
        this.pchain = b.pchain;
        this.chainAcc = new double[Math.max(1, b.pchain)];
        this.thermostat = new NoseHooverChainThermostat("mtk.t", b.tchain, b.temperatureK, b.tdampFs);
    }

    /**
     * Starts a builder. Defaults: Tdamp 100 fs, Pdamp 1000 fs, pressure 0, mask diagonal ({@code aniso}), chains of
     * 3.
     *
     * @param timestepFs time step, fs
     * @param temperatureK target temperature, K
     * @return the builder
     */
    public static Builder builder(double timestepFs, double temperatureK) {
        return new Builder(timestepFs, temperatureK);
    }

    @Override
    public String name() {
        return "npt-mtk";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public Set<Property> requiredProperties() {
        return Motion.WITH_STRESS;
    }

    /** Rotates a cell that is not lower triangular (LAMMPS' restricted triclinic box) into that form. */
    @Override
    public void prepare(MdState state) {
        if (!state.hasVariable(OMEGA_DOT)) {
            TriangularCell.rotate(state, false);
        }
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        if (state.hasVariable(OMEGA_DOT)) {
            return;
        }
        state.zeroTotalMomentum();
        thermostat.initialize(state);
        state.variable(OMEGA_DOT, 6);
        state.variable(ETAP, Math.max(pchain, 1));
        state.variable(ETAP_DOT, Math.max(pchain, 1));
        state.variable(VOL0, 1)[0] = volume(state.cellMatrix());
    }

    private int tdof(MdState state) {
        return Motion.momentumConservingDof(state);
    }

    private int pdim() {
        return (flag[0] ? 1 : 0) + (flag[1] ? 1 : 0) + (flag[2] ? 1 : 0);
    }

    private double omegaMass(int n) {
        return (n + 1) * kt * pdampFs * pdampFs;
    }

    private double etapMass() {
        return kt * pdampFs * pdampFs;
    }

    /** LAMMPS' volume: xprd·yprd·zprd of the restricted triclinic box. */
    private static double volume(DMatrix3x3 h) {
        return h.a11 * h.a22 * h.a33;
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        int tdof = tdof(state);
        // initial_integrate
        if (pchain > 0) {
            barostatChainHalfStep(state);
        }
        thermostat.halfStep(state, tdof, dt);
        omegaDotHalfStep(state, current);
        scaleVelocities(state);
        forces = Motion.forces(current, forces);
        Motion.kick(state, forces, 0.5 * dt);
        remap(state);
        Motion.drift(state, dt);
        remap(state);
        CalculationResult next = forceField.evaluate(state);
        // final_integrate
        forces = Motion.forces(next, forces);
        Motion.kick(state, forces, 0.5 * dt);
        scaleVelocities(state);
        omegaDotHalfStep(state, next);
        thermostat.halfStep(state, tdof, dt);
        if (pchain > 0) {
            barostatChainHalfStep(state);
        }
        return next;
    }

    /** The coupled pressure components LAMMPS' fix uses: 3 diagonal (all equal for iso) and yz, xz, xy. */
    private double[] pressure(MdState state, CalculationResult r) {
        state.kineticTensorInto(kin);
        double v = state.volumeA3();
        double[] p = pressure;
        for (int k = 0; k < 6; k++) {
            p[k] = -r.stressEvPerA3(k) + kin[k] / v;
        }
        if (iso) {
            double scalar = (p[0] + p[1] + p[2]) / 3.0;
            p[0] = scalar;
            p[1] = scalar;
            p[2] = scalar;
        }
        return p;
    }

    /** LAMMPS nh_omega_dot: half-step update of the cell velocities. */
    private void omegaDotHalfStep(MdState state, CalculationResult r) {
        int n = state.size();
        double[] omegaDot = state.variable(OMEGA_DOT, 6);
        double[] p = pressure(state, r);
        double vol = volume(state.cellMatrix());
        double w = omegaMass(n);
        double mtk1;
        if (iso) {
            mtk1 = 2 * state.kineticEnergyEv() / (pdim() * n);
        } else {
            state.kineticTensorInto(kin);
            mtk1 = 0;
            for (int i = 0; i < 3; i++) {
                if (flag[i]) {
                    mtk1 += kin[i];
                }
            }
            mtk1 /= pdim() * n;
        }
        double dthalf = 0.5 * dt;
        for (int i = 0; i < 3; i++) {
            if (flag[i]) {
                double fOmega = (p[i] - pressureEvPerA3) * vol / w + mtk1 / w;
                omegaDot[i] += fOmega * dthalf;
            }
        }
        if (triclinic) {
            for (int i = 3; i < 6; i++) {
                if (flag[i]) {
                    omegaDot[i] += p[i] * vol / w * dthalf;
                }
            }
        }
    }

    /** LAMMPS nh_v_press: v ← exp(−dt/4 (ω̇ + mtk₂)) [v − dt/2 (shear coupling)] exp(−dt/4 (ω̇ + mtk₂)). */
    private void scaleVelocities(MdState state) {
        double[] omegaDot = state.variable(OMEGA_DOT, 6);
        double mtk2 = 0;
        for (int i = 0; i < 3; i++) {
            if (flag[i]) {
                mtk2 += omegaDot[i];
            }
        }
        mtk2 /= pdim() * state.size();
        double dt4 = 0.25 * dt;
        double dthalf = 0.5 * dt;
        double f0 = Math.exp(-dt4 * (omegaDot[0] + mtk2));
        double f1 = Math.exp(-dt4 * (omegaDot[1] + mtk2));
        double f2 = Math.exp(-dt4 * (omegaDot[2] + mtk2));
        double[] v = state.velocities();
        for (int i = 0; i < v.length; i += 3) {
            v[i] *= f0;
            v[i + 1] *= f1;
            v[i + 2] *= f2;
            if (triclinic) {
                v[i] += -dthalf * (v[i + 1] * omegaDot[5] + v[i + 2] * omegaDot[4]);
                v[i + 1] += -dthalf * v[i + 2] * omegaDot[3];
            }
            v[i] *= f0;
            v[i + 1] *= f1;
            v[i + 2] *= f2;
        }
    }

    /** LAMMPS remap by half a step: new box from h_dot = ω̇ h, atoms keep fractional coordinates. */
    private void remap(MdState state) {
        double[] omegaDot = state.variable(OMEGA_DOT, 6);
        DMatrix3x3 old = state.cellMatrix();
        // h = [xprd, yprd, zprd, yz, xz, xy]
        double[] h = box;
        h[0] = old.a11;
        h[1] = old.a22;
        h[2] = old.a33;
        h[3] = old.a32;
        h[4] = old.a31;
        h[5] = old.a21;
        double dto = 0.5 * dt;
        if (triclinic) {
            shearHalf(h, omegaDot, dto);
        }
        diag[0] = h[0];
        diag[1] = h[1];
        diag[2] = h[2];
        for (int i = 0; i < 3; i++) {
            if (flag[i]) {
                double e = Math.exp(dto * omegaDot[i]);
                diag[i] *= e;
                if (i == 1 && !flag[5]) {
                    h[5] *= e; // scalexy
                }
                if (i == 2) {
                    if (!flag[4]) {
                        h[4] *= e; // scalexz
                    }
                    if (!flag[3]) {
                        h[3] *= e; // scaleyz
                    }
                }
            }
        }
        if (triclinic) {
            shearHalf(h, omegaDot, dto); // LAMMPS uses the old diagonal here too
        }
        updated.setTo(diag[0], 0, 0, h[5], diag[1], 0, h[4], h[3], diag[2]);
        // fractional coordinates kept: x ← (x H⁻¹) H′
        CommonOps_DDF3.invert(old, inverse);
        double[] x = state.positions();
        CellOrientation.rotate(x, inverse);
        CellOrientation.rotate(x, updated);
        state.setCellMatrix(updated);
    }

    private void shearHalf(double[] h, double[] omegaDot, double dto) {
        double dto2 = dto / 2;
        double dto4 = dto / 4;
        double dto8 = dto / 8;
        if (flag[4]) {
            double e = Math.exp(dto8 * omegaDot[0]);
            h[4] = (h[4] * e + dto4 * (omegaDot[5] * h[3] + omegaDot[4] * h[2])) * e;
        }
        if (flag[3]) {
            double e = Math.exp(dto4 * omegaDot[1]);
            h[3] = (h[3] * e + dto2 * (omegaDot[3] * h[2])) * e;
        }
        if (flag[5]) {
            double e = Math.exp(dto4 * omegaDot[0]);
            h[5] = (h[5] * e + dto2 * (omegaDot[5] * h[1])) * e;
        }
        if (flag[4]) {
            double e = Math.exp(dto8 * omegaDot[0]);
            h[4] = (h[4] * e + dto4 * (omegaDot[5] * h[3] + omegaDot[4] * h[2])) * e;
        }
    }

    /** LAMMPS nhc_press_integrate: half step of the Nosé–Hoover chain acting on the cell velocities. */
    private void barostatChainHalfStep(MdState state) {
        int n = state.size();
        double[] omegaDot = state.variable(OMEGA_DOT, 6);
        double[] etap = state.variable(ETAP, pchain);
        double[] etapDot = state.variable(ETAP_DOT, pchain);
        double w = omegaMass(n);
        double q = etapMass();
        double dthalf = 0.5 * dt;
        double dt4 = 0.25 * dt;
        double dt8 = 0.125 * dt;
        int pdof = 0;
        for (int i = 0; i < 6; i++) {
            if (flag[i] && (i < 3 || triclinic)) {
                pdof++;
            }
        }
        double lkt = iso ? kt : pdof * kt;
        double[] acc = chainAcc;
        acc[0] = (cellKinetic(omegaDot, w) - lkt) / q;
        for (int k = 1; k < pchain; k++) {
            acc[k] = (q * etapDot[k - 1] * etapDot[k - 1] - kt) / q;
        }
        for (int k = pchain - 1; k > 0; k--) {
            double e = Math.exp(-dt8 * (k + 1 < pchain ? etapDot[k + 1] : 0));
            etapDot[k] = (etapDot[k] * e + acc[k] * dt4) * e;
        }
        double e0 = Math.exp(-dt8 * (pchain > 1 ? etapDot[1] : 0));
        etapDot[0] = (etapDot[0] * e0 + acc[0] * dt4) * e0;
        for (int k = 0; k < pchain; k++) {
            etap[k] += dthalf * etapDot[k];
        }
        double factor = Math.exp(-dthalf * etapDot[0]);
        for (int i = 0; i < 6; i++) {
            if (flag[i] && (i < 3 || triclinic)) {
                omegaDot[i] *= factor;
            }
        }
        acc[0] = (cellKinetic(omegaDot, w) - lkt) / q;
        etapDot[0] = (etapDot[0] * e0 + acc[0] * dt4) * e0;
        for (int k = 1; k < pchain; k++) {
            double e = Math.exp(-dt8 * (k + 1 < pchain ? etapDot[k + 1] : 0));
            acc[k] = (q * etapDot[k - 1] * etapDot[k - 1] - kt) / q;
            etapDot[k] = (etapDot[k] * e + acc[k] * dt4) * e;
        }
    }

    /** Σ W ω̇² over the barostatted components (for iso the three equal diagonal entries, as LAMMPS). */
    private double cellKinetic(double[] omegaDot, double w) {
        double ke = 0;
        for (int i = 0; i < 6; i++) {
            if (flag[i] && (i < 3 || triclinic)) {
                ke += w * omegaDot[i] * omegaDot[i];
            }
        }
        return ke;
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        int n = state.size();
        double[] omegaDot = state.variable(OMEGA_DOT, 6);
        double w = omegaMass(n);
        double energy = current.energyEv() + state.kineticEnergyEv() + thermostat.energyEv(state, tdof(state));
        double vol = volume(state.cellMatrix());
        double vol0 = state.variable(VOL0, 1)[0];
        double lkt = 0;
        for (int i = 0; i < 3; i++) {
            if (flag[i]) {
                energy += 0.5 * w * omegaDot[i] * omegaDot[i] + pressureEvPerA3 * (vol - vol0) / pdim();
                lkt += kt;
            }
        }
        if (triclinic) {
            for (int i = 3; i < 6; i++) {
                if (flag[i]) {
                    energy += 0.5 * w * omegaDot[i] * omegaDot[i];
                    lkt += kt;
                }
            }
        }
        if (pchain > 0) {
            double[] etap = state.variable(ETAP, pchain);
            double[] etapDot = state.variable(ETAP_DOT, pchain);
            double q = etapMass();
            energy += lkt * etap[0] + 0.5 * q * etapDot[0] * etapDot[0];
            for (int k = 1; k < pchain; k++) {
                energy += kt * etap[k] + 0.5 * q * etapDot[k] * etapDot[k];
            }
        }
        return OptionalDouble.of(energy);
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return tdof(state);
    }

    /** Builds an {@link MtkNpt}. */
    public static final class Builder {
        private final double timestepFs;
        private final double temperatureK;
        private double tdampFs = 100;
        private double pdampFs = 1000;
        private double pressureGpa;
        private BarostatMask mask = BarostatMask.DIAGONAL;
        private boolean isotropic;
        private int tchain = 3;
        private int pchain = 3;

        private Builder(double timestepFs, double temperatureK) {
            this.timestepFs = timestepFs;
            this.temperatureK = temperatureK;
        }

        /**
         * @param value thermostat damping time Tdamp, fs (default 100)
         * @return this
         */
        public Builder tdampFs(double value) {
            this.tdampFs = value;
            return this;
        }

        /**
         * @param value barostat damping time Pdamp, fs (default 1000)
         * @return this
         */
        public Builder pdampFs(double value) {
            this.pdampFs = value;
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
         * Barostat the masked components independently ({@code aniso} for the diagonal, {@code tri} for all six).
         *
         * @param value the mask
         * @return this
         */
        public Builder mask(BarostatMask value) {
            this.mask = java.util.Objects.requireNonNull(value);
            this.isotropic = false;
            return this;
        }

        /**
         * Couple the three diagonal components: only the volume changes ({@code iso}).
         *
         * @return this
         */
        public Builder isotropic() {
            this.isotropic = true;
            return this;
        }

        /**
         * @param value thermostat chain length (default 3)
         * @return this
         */
        public Builder thermostatChain(int value) {
            this.tchain = value;
            return this;
        }

        /**
         * @param value barostat thermostat chain length, 0 for none (default 3)
         * @return this
         */
        public Builder barostatChain(int value) {
            this.pchain = value;
            return this;
        }

        /** @return the integrator */
        public MtkNpt build() {
            return new MtkNpt(this);
        }
    }
}
