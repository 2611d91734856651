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
 * NPT with a Nosé–Hoover thermostat and a Parrinello–Rahman barostat in the form of Melchionna, Ciccotti and
 * Holian (Mol. Phys. 78, 533, 1993; Melchionna, PRE 61, 6165, 2000), integrated with the centred-difference
 * scheme of Holian et al. (PRA 41, 4552, 1990) exactly as ASE's {@code ase.md.npt.NPT}, with the same parameters:
 * {@code ttime} (fs), {@code pfactor} = ptime² × B (fs²·GPa in this API), an external stress, and a six-component
 * Voigt mask (see {@link BarostatMask}). Equations and the conserved quantity: docs/md.md.
 *
 * <p>Differences from ASE, on purpose: the mask has six Voigt components (ASE expands a 3-vector to all nine);
 * a cell that is not upper triangular (rows b = (0, b_y, b_z), c = (0, 0, c_z)), which ASE refuses, is rotated
 * rigidly into that form at the start (positions and velocities too; energies and scalar observables are
 * unchanged). As in ASE, the barostat sees the stress including the kinetic (ideal-gas) term, the thermostat
 * targets E_kin = 3/2 (N − 1) k_B T, and the centre-of-mass momentum is zeroed at the start.
 */
public final class MelchionnaNpt implements Integrator {

    private static final String H_PAST = "npt.hPast";
    private static final String ETA = "npt.eta";
    private static final String ETA_PAST = "npt.etaPast";
    private static final String ZETA = "npt.zeta";
    private static final String Q_PAST = "npt.qPast";
    private static final String Q_FUTURE = "npt.qFuture";
    private static final String PFACT = "npt.pfact";

    private final double dt;
    private final double temperatureK;
    private final double ttimeFs;
    private final double pfactorFs2EvPerA3;
    private final double[] externalStressEvPerA3;
    private final BarostatMask mask;
    // scratch, so that a step allocates nothing
    private final double[] stress = new double[6];
    private final double[] kin = new double[6];
    private final double[] d = new double[6];
    private final double[] etaFuture = new double[9];
    private final DMatrix3x3 etaMatrix = new DMatrix3x3();
    private final DMatrix3x3 hEta = new DMatrix3x3();
    private final DMatrix3x3 hFuture = new DMatrix3x3();
    private final DMatrix3x3 deltaEta = new DMatrix3x3();
    private final DMatrix3x3 inverse = new DMatrix3x3();
    private final DMatrix3x3 inner = new DMatrix3x3();
    private final DMatrix3x3 tmp = new DMatrix3x3();
    private final DMatrix3x3 beta = new DMatrix3x3();
    private final DMatrix3x3 betaMinus = new DMatrix3x3();
    private final DMatrix3x3 betaPlus = new DMatrix3x3();
    private final DMatrix3x3 betaPlusInverse = new DMatrix3x3();
    private double[] q = new double[0];
    private double[] forces = new double[0];
    private double[] alpha = new double[0];
    private double[] past = new double[0];
    private double[] velocity = new double[0];

    private MelchionnaNpt(Builder b) {
        this.dt = Motion.positive(b.timestepFs, "Time step (fs)");
        this.temperatureK = Motion.positive(b.temperatureK, "Temperature (K)");
        this.ttimeFs = Motion.positive(b.ttimeFs, "Thermostat time ttime (fs)");
        this.pfactorFs2EvPerA3 = Units.gpaToEvPerA3(Motion.positive(b.pfactorFs2Gpa, "pfactor (fs²·GPa)"));
        this.externalStressEvPerA3 = new double[6];
        for (int k = 0; k < 6; k++) {
            if (!Double.isFinite(b.externalStressGpa[k])) {
                throw new IllegalArgumentException("External stress must be finite, got component " + k + " = "
                        + b.externalStressGpa[k] + " GPa");
            }
            externalStressEvPerA3[k] = Units.gpaToEvPerA3(b.externalStressGpa[k]);
        }
        this.mask = b.mask;
    }

    /**
     * Starts a builder. Defaults: ttime 25 fs, ptime 75 fs and bulk modulus 100 GPa (pfactor = 75² × 100 fs²·GPa),
     * pressure 0, mask all six components.
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
        return "npt-melchionna";
    }

    @Override
    public double timestepFs() {
        return dt;
    }

    @Override
    public Set<Property> requiredProperties() {
        return Motion.WITH_STRESS;
    }

    private double kt() {
        return Units.KB_EV_PER_K * temperatureK;
    }

    private double tfact(int n) {
        return 2.0 / (3 * n * kt() * ttimeFs * ttimeFs);
    }

    private double desiredKinetic(int n) {
        return 1.5 * (n - 1) * kt();
    }

    /** σ − σ_ext with σ the stress including the ideal-gas term (ASE's get_stress(include_ideal_gas=True)). */
    private double[] stressDifference(MdState state, CalculationResult r) {
        state.kineticTensorInto(kin);
        double v = state.volumeA3();
        for (int k = 0; k < 6; k++) {
            stress[k] = r.stressEvPerA3(k) - kin[k] / v;
            d[k] = stress[k] - externalStressEvPerA3[k];
        }
        return d;
    }

    /** The masked upper-triangular matrix of a Voigt 6-vector times a factor, into {@code out}. */
    private DMatrix3x3 maskedUpper(double[] six, double factor, DMatrix3x3 out) {
        out.setTo(
                mask.free(0) ? factor * six[0] : 0, mask.free(5) ? factor * six[5] : 0, mask.free(4) ? factor * six[4] : 0,
                0, mask.free(1) ? factor * six[1] : 0, mask.free(3) ? factor * six[3] : 0,
                0, 0, mask.free(2) ? factor * six[2] : 0);
        return out;
    }

    /** Rotates a cell that is not upper triangular (rows b = (0, b_y, b_z), c = (0, 0, c_z)) into that form. */
    @Override
    public void prepare(MdState state) {
        if (!state.hasVariable(Q_FUTURE)) {
            TriangularCell.rotate(state, true);
        }
    }

    @Override
    public void initialize(MdState state, CalculationResult current) {
        int n = state.size();
        if (state.hasVariable(Q_FUTURE)) {
            return; // resumed: all variables present
        }
        state.zeroTotalMomentum();
        DMatrix3x3 h = state.cellMatrix();
        double det = CommonOps_DDF3.det(h);
        state.variable(PFACT, 1)[0] = 1.0 / (pfactorFs2EvPerA3 * det);
        double[] eta = state.variable(ETA, 9);
        // h_past = h − dt·h·η
        CommonOps_DDF3.mult(h, toMatrix(eta, etaMatrix), hEta);
        double[] hPast = state.variable(H_PAST, 9);
        setMatrix(hPast, h, hEta, -dt);
        double pfact = state.variable(PFACT, 1)[0];
        maskedUpper(stressDifference(state, current), -dt * pfact * det, deltaEta);
        double[] etaPast = state.variable(ETA_PAST, 9);
        for (int k = 0; k < 9; k++) {
            etaPast[k] = eta[k] - deltaEta.get(k / 3, k % 3);
        }
        double[] zeta = state.variable(ZETA, 3); // zeta, zetaPast, zetaIntegrated
        zeta[1] = zeta[0] - dt * tfact(n) * (state.kineticEnergyEv() - desiredKinetic(n));
        initializePastAndFuture(state, current);
    }

    /** ASE's _calculate_q_past_and_future: two fixed-point passes so that the centred velocity matches v. */
    private void initializePastAndFuture(MdState state, CalculationResult current) {
        int n = state.size();
        DMatrix3x3 h = state.cellMatrix();
        DMatrix3x3 inv = inverse;
        CommonOps_DDF3.invert(h, inv);
        double[] q = fractional(state, inv);
        double[] v0 = state.velocities().clone();
        double[] v = v0.clone();
        double[] qPast = state.variable(Q_PAST, 3 * n);
        double[] qFuture = state.variable(Q_FUTURE, 3 * n);
        double[] f = forces = Motion.forces(current, forces);
        for (int pass = 0; pass < 2; pass++) {
            double[] dq = v.clone();
            CellOrientation.rotate(dq, inv);
            for (int k = 0; k < 3 * n; k++) {
                qPast[k] = q[k] - dt * dq[k];
            }
            computeFuture(state, q, qPast, qFuture, f, h, inv);
            double[] vNew = centredVelocity(qFuture, qPast, h);
            double ekinPerAtom = 0;
            for (int i = 0; i < n; i++) {
                double m = state.massAmu(i);
                ekinPerAtom += 0.5 * m * (vNew[3 * i] * vNew[3 * i] + vNew[3 * i + 1] * vNew[3 * i + 1]
                        + vNew[3 * i + 2] * vNew[3 * i + 2]) * Units.AMU_A2_PER_FS2_IN_EV;
            }
            if (ekinPerAtom / n < 1e-5) {
                return;
            }
            for (int k = 0; k < 3 * n; k++) {
                v[k] = 2 * v0[k] - vNew[k];
            }
        }
    }

    @Override
    public CalculationResult step(MdState state, CalculationResult current, ForceField forceField) {
        int n = state.size();
        DMatrix3x3 h = state.cellMatrix();
        double det = CommonOps_DDF3.det(h);
        double[] eta = state.variable(ETA, 9);
        double[] etaPast = state.variable(ETA_PAST, 9);
        double[] hPast = state.variable(H_PAST, 9);
        double[] zeta = state.variable(ZETA, 3);
        double pfact = state.variable(PFACT, 1)[0];

        // h_future = h_past + 2 dt h η
        CommonOps_DDF3.mult(h, toMatrix(eta, etaMatrix), hEta);
        toMatrix(hPast, hFuture);
        CommonOps_DDF3.scale(2 * dt, hEta);
        CommonOps_DDF3.addEquals(hFuture, hEta);
        // η_future = η_past − 2 dt pfact det(h) mask∘upper(σ − σ_ext)
        maskedUpper(stressDifference(state, current), -2 * dt * pfact * det, deltaEta);
        for (int k = 0; k < 9; k++) {
            etaFuture[k] = etaPast[k] + deltaEta.get(k / 3, k % 3);
        }
        double zetaFuture = zeta[1] + 2 * dt * tfact(n) * (state.kineticEnergyEv() - desiredKinetic(n));

        // shift time levels
        copy(h, hPast);
        double[] qPast = state.variable(Q_PAST, 3 * n);
        double[] qFuture = state.variable(Q_FUTURE, 3 * n);
        CommonOps_DDF3.invert(h, inverse);
        double[] qNow = fractional(state, inverse);
        System.arraycopy(qNow, 0, qPast, 0, 3 * n);
        System.arraycopy(qFuture, 0, qNow, 0, 3 * n);
        state.setCellMatrix(hFuture);
        double[] x = state.positions();
        for (int i = 0; i < 3 * n; i++) {
            x[i] = qNow[i] + 0.5;
        }
        CellOrientation.rotate(x, hFuture);
        System.arraycopy(eta, 0, etaPast, 0, 9);
        System.arraycopy(etaFuture, 0, eta, 0, 9);
        zeta[1] = zeta[0];
        zeta[0] = zetaFuture;
        zeta[2] += dt * zeta[0];

        CalculationResult next = forceField.evaluate(state);
        CommonOps_DDF3.invert(hFuture, inverse);
        forces = Motion.forces(next, forces);
        computeFuture(state, qNow, qPast, qFuture, forces, hFuture, inverse);
        double[] v = centredVelocity(qFuture, qPast, hFuture);
        System.arraycopy(v, 0, state.velocities(), 0, 3 * n);
        return next;
    }

    /** q_future = [2q + q_past(β − I) + α](β + I)⁻¹ with α = dt² (F/m) h⁻¹, β = dt h (η + ½ζ I) h⁻¹. */
    private void computeFuture(MdState state, double[] q, double[] qPast, double[] qFuture, double[] forces,
            DMatrix3x3 h, DMatrix3x3 inv) {
        int n = state.size();
        double[] eta = state.variable(ETA, 9);
        double zeta = state.variable(ZETA, 3)[0];
        toMatrix(eta, inner);
        inner.a11 += 0.5 * zeta;
        inner.a22 += 0.5 * zeta;
        inner.a33 += 0.5 * zeta;
        CommonOps_DDF3.mult(h, inner, tmp);
        CommonOps_DDF3.mult(tmp, inv, beta);
        CommonOps_DDF3.scale(dt, beta);
        betaMinus.setTo(beta);
        betaMinus.a11 -= 1;
        betaMinus.a22 -= 1;
        betaMinus.a33 -= 1;
        betaPlus.setTo(beta);
        betaPlus.a11 += 1;
        betaPlus.a22 += 1;
        betaPlus.a33 += 1;
        CommonOps_DDF3.invert(betaPlus, betaPlusInverse);
        alpha = sized(alpha, 3 * n);
        for (int i = 0; i < n; i++) {
            double c = dt * dt / (state.massAmu(i) * Units.AMU_A2_PER_FS2_IN_EV);
            for (int k = 0; k < 3; k++) {
                alpha[3 * i + k] = c * forces[3 * i + k];
            }
        }
        CellOrientation.rotate(alpha, inv);
        past = sized(past, 3 * n);
        System.arraycopy(qPast, 0, past, 0, 3 * n);
        CellOrientation.rotate(past, betaMinus);
        for (int k = 0; k < 3 * n; k++) {
            qFuture[k] = 2 * q[k] + past[k] + alpha[k];
        }
        CellOrientation.rotate(qFuture, betaPlusInverse);
    }

    /** The centred velocity (q_future − q_past)/(2 dt) h, into a scratch array. */
    private double[] centredVelocity(double[] qFuture, double[] qPast, DMatrix3x3 h) {
        velocity = sized(velocity, qFuture.length);
        double[] v = velocity;
        for (int k = 0; k < v.length; k++) {
            v[k] = (qFuture[k] - qPast[k]) / (2 * dt);
        }
        CellOrientation.rotate(v, h);
        return v;
    }

    /** Fractional coordinates minus ½ (ASE's convention), into a scratch array. */
    private double[] fractional(MdState state, DMatrix3x3 inv) {
        q = sized(q, state.positions().length);
        System.arraycopy(state.positions(), 0, q, 0, q.length);
        CellOrientation.rotate(q, inv);
        for (int k = 0; k < q.length; k++) {
            q[k] -= 0.5;
        }
        return q;
    }

    private static double[] sized(double[] a, int length) {
        return a.length == length ? a : new double[length];
    }

    @Override
    public OptionalDouble conservedEnergyEv(MdState state, CalculationResult current) {
        int n = state.size();
        double[] eta = state.variable(ETA, 9);
        double[] zeta = state.variable(ZETA, 3);
        double pfact = state.variable(PFACT, 1)[0];
        double contracted = 0;
        for (double e : eta) {
            contracted += e * e;
        }
        double v = state.volumeA3();
        double gibbs = current.energyEv() + state.kineticEnergyEv()
                - (externalStressEvPerA3[0] + externalStressEvPerA3[1] + externalStressEvPerA3[2]) * v / 3.0
                + 1.5 * n * kt() * Math.pow(ttimeFs * zeta[0], 2) + 3 * kt() * (n - 1) * zeta[2]
                + 0.5 / pfact * contracted;
        return OptionalDouble.of(gibbs);
    }

    @Override
    public int degreesOfFreedom(MdState state) {
        return Motion.momentumConservingDof(state);
    }

    private static DMatrix3x3 toMatrix(double[] nine, DMatrix3x3 out) {
        out.setTo(nine[0], nine[1], nine[2], nine[3], nine[4], nine[5], nine[6], nine[7], nine[8]);
        return out;
    }

    private static void copy(DMatrix3x3 m, double[] nine) {
        for (int k = 0; k < 9; k++) {
            nine[k] = m.get(k / 3, k % 3);
        }
    }

    private static void setMatrix(double[] out, DMatrix3x3 a, DMatrix3x3 b, double factor) {
        for (int k = 0; k < 9; k++) {
            out[k] = a.get(k / 3, k % 3) + factor * b.get(k / 3, k % 3);
        }
    }

    /** Builds a {@link MelchionnaNpt}. */
    public static final class Builder {
        private final double timestepFs;
        private final double temperatureK;
        private double ttimeFs = 25;
        private double pfactorFs2Gpa = 75.0 * 75.0 * 100.0;
        private double[] externalStressGpa = new double[6];
        private BarostatMask mask = BarostatMask.ALL;

        private Builder(double timestepFs, double temperatureK) {
            this.timestepFs = timestepFs;
            this.temperatureK = temperatureK;
        }

        /**
         * @param value thermostat time, fs (default 25)
         * @return this
         */
        public Builder ttimeFs(double value) {
            this.ttimeFs = value;
            return this;
        }

        /**
         * @param value pfactor = ptime² × bulk modulus, fs²·GPa (the paper: 25² × 98)
         * @return this
         */
        public Builder pfactorFs2Gpa(double value) {
            this.pfactorFs2Gpa = value;
            return this;
        }

        /**
         * Sets pfactor from a barostat time and a bulk modulus.
         *
         * @param ptimeFs barostat time, fs
         * @param bulkModulusGpa bulk modulus, GPa
         * @return this
         */
        public Builder barostat(double ptimeFs, double bulkModulusGpa) {
            return pfactorFs2Gpa(ptimeFs * ptimeFs * bulkModulusGpa);
        }

        /**
         * A hydrostatic external pressure (σ_ext = −p I).
         *
         * @param value pressure, GPa (default 0)
         * @return this
         */
        public Builder pressureGpa(double value) {
            this.externalStressGpa = new double[] {-value, -value, -value, 0, 0, 0};
            return this;
        }

        /**
         * A general external stress (ASE sign: positive is tension).
         *
         * @param voigt xx yy zz yz xz xy, GPa
         * @return this
         */
        public Builder externalStressGpa(double[] voigt) {
            if (voigt.length != 6) {
                throw new IllegalArgumentException("External stress needs 6 Voigt components, got " + voigt.length);
            }
            this.externalStressGpa = voigt.clone();
            return this;
        }

        /**
         * @param value which cell components may change (default all)
         * @return this
         */
        public Builder mask(BarostatMask value) {
            this.mask = java.util.Objects.requireNonNull(value);
            return this;
        }

        /** @return the integrator */
        public MelchionnaNpt build() {
            return new MelchionnaNpt(this);
        }
    }
}
