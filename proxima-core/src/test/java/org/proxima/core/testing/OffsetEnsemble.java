package org.proxima.core.testing;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsemblePrediction;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;

/**
 * A two-member ensemble whose mean is the target shifted by a known amount per model version: model v predicts
 * E_target + v·ΔE and F_target + v·ΔF on every force component (stress unshifted), the members ±spread around that
 * mean on every force component, so the UQ is constant and the difference between any two versions is known
 * exactly. Each fit returns the next version. A shared switch makes every version predict NaN (for fall-back tests).
 */
public final class OffsetEnsemble implements EnsembleSurrogate {

    private final ForceCalculator target;
    private final double energyStepEv;
    private final double forceStepEvPerA;
    private final double spreadEvPerA;
    private final long version;
    private final AtomicBoolean poisoned;
    private boolean closed;

    private OffsetEnsemble(ForceCalculator target, double energyStepEv, double forceStepEvPerA, double spreadEvPerA,
            long version, AtomicBoolean poisoned) {
        this.target = target;
        this.energyStepEv = energyStepEv;
        this.forceStepEvPerA = forceStepEvPerA;
        this.spreadEvPerA = spreadEvPerA;
        this.version = version;
        this.poisoned = poisoned;
    }

    /**
     * A trained ensemble, version 1.
     *
     * @param target the target it shifts
     * @param energyStepEv ΔE per version, eV
     * @param forceStepEvPerA ΔF per version on every component, eV/Å
     * @param spreadEvPerA half the member difference on every component, eV/Å
     * @return the ensemble
     */
    public static OffsetEnsemble trained(ForceCalculator target, double energyStepEv, double forceStepEvPerA,
            double spreadEvPerA) {
        return new OffsetEnsemble(target, energyStepEv, forceStepEvPerA, spreadEvPerA, 1, new AtomicBoolean());
    }

    /**
     * Makes this ensemble and every one fitted from it predict NaN (or finite values again).
     *
     * @param value true for NaN
     */
    public void poison(boolean value) {
        poisoned.set(value);
    }

    @Override
    public EnsemblePrediction predict(Structure s) {
        if (closed) {
            throw new IllegalStateException("OffsetEnsemble v" + version + " used after close()");
        }
        CalculationResult t = target.calculate(s);
        double shiftE = poisoned.get() ? Double.NaN : version * energyStepEv;
        double[] e = new double[2];
        double[][] f = new double[2][];
        double[][] st = new double[2][];
        for (int m = 0; m < 2; m++) {
            double sign = m == 0 ? -1 : 1;
            e[m] = t.energyEv() + shiftE;
            f[m] = t.forcesEvPerA();
            for (int k = 0; k < f[m].length; k++) {
                f[m][k] += version * forceStepEvPerA + sign * spreadEvPerA;
            }
            st[m] = t.stressEvPerA3();
        }
        return EnsemblePrediction.of(s.size(), e, f, st);
    }

    @Override
    public Trained fit(List<TrainingPoint> data, FitOptions options) {
        OffsetEnsemble next = new OffsetEnsemble(target, energyStepEv, forceStepEvPerA, spreadEvPerA,
                options.version(), poisoned);
        return new Trained(next, new TrainingReport(options.version(), data.size(), 0, List.of()));
    }

    @Override
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("energy_step_eV", energyStepEv);
        m.put("force_step_eV_per_A", forceStepEvPerA);
        m.put("spread_eV_per_A", spreadEvPerA);
        m.put("model_version", version);
        return m;
    }

    /** Format name of {@link #toMap()}. */
    public static final String FORMAT = "test-offset-ensemble";

    /**
     * Reads back a map of {@link #toMap()} (the target is {@link MorsePotential#siliconLike()}).
     *
     * @param m the map
     * @return the ensemble
     */
    static OffsetEnsemble fromMap(java.util.Map<String, Object> m) {
        return new OffsetEnsemble(MorsePotential.siliconLike(), ((Number) m.get("energy_step_eV")).doubleValue(),
                ((Number) m.get("force_step_eV_per_A")).doubleValue(), ((Number) m.get("spread_eV_per_A"))
                        .doubleValue(), ((Number) m.get("model_version")).longValue(), new AtomicBoolean());
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public boolean isTrained() {
        return true;
    }

    @Override
    public int memberCount() {
        return 2;
    }

    @Override
    public Set<String> species() {
        return Set.of("Si");
    }

    @Override
    public void close() {
        closed = true;
    }

    /** @return whether {@link #close()} was called */
    public boolean closed() {
        return closed;
    }
}
