package org.proxima.core.blend;

import org.proxima.core.checkpoint.StateMap;

/**
 * An audit probability that adapts between a floor and a ceiling: at the ceiling right after a start, a resume, a
 * retraining or a model swap (for {@code boostCalls} calls), and while the audits' estimate of the accepted steps'
 * error is missing, uncertain or close to ε_target; at the floor when it is confidently below. With the estimate m
 * and its standard error s (the audits weighted by 1/p, {@link AcceptedErrorEstimate}) and z = (ε − m)/s:
 * <pre>
 * p = ceiling                                 for z ≤ 0 (or fewer than {@code minAudits} audits)
 * p = floor                                   for z ≥ 2
 * p = ceiling − (ceiling − floor) z/2         in between
 * </pre>
 * (at the ceiling while the estimate is at or above ε, at the floor once it is two standard errors below, about
 * 98 % one-sided confidence; docs/algorithm.md says why not 1 and 3).
 * The policy draws nothing itself: the calculator's seeded counter-based stream decides each audit, so the policy
 * needs no seed of its own and a run stays reproducible. A resume counts as a start (the next {@code boostCalls}
 * calls audit at the ceiling), so under this policy a resumed run is not bit-identical to an uninterrupted one; the
 * paper's fixed policy resumes bit for bit. See docs/algorithm.md for the defaults and why.
 */
public final class AdaptiveAuditPolicy implements AuditPolicy {

    /** Default floor: audits at 2 % of usable steps once the accepted error is confidently below the bound. */
    public static final double DEFAULT_FLOOR = 0.02;
    /** Default ceiling: the paper's 20 %. */
    public static final double DEFAULT_CEILING = 0.2;
    /** Default number of calls at the ceiling after a start, resume, retraining or model swap. */
    public static final int DEFAULT_BOOST_CALLS = 50;
    /** z at and below which the policy audits at the ceiling. */
    public static final double Z_CEILING = 0;
    /** z at and above which the policy audits at the floor. */
    public static final double Z_FLOOR = 2;
    /** Audits needed before the estimate is trusted. */
    public static final int MIN_AUDITS = 10;

    private final double errorTargetEvPerA;
    private final double floor;
    private final double ceiling;
    private final int boostCalls;
    private long boostUntil;
    private long lastVersion = -1;
    private double estimate = Double.NaN;
    private double standardError = Double.NaN;
    private long audits;
    private boolean resumed;

    /**
     * @param errorTargetEvPerA ε_target, eV/Å (positive)
     * @param floor lowest probability, in [0, 1]
     * @param ceiling highest probability, in [floor, 1]
     * @param boostCalls calls at the ceiling after a start, resume, retraining or swap (≥ 0)
     */
    public AdaptiveAuditPolicy(double errorTargetEvPerA, double floor, double ceiling, int boostCalls) {
        if (!(errorTargetEvPerA > 0) || !Double.isFinite(errorTargetEvPerA)) {
            throw new IllegalArgumentException("Error target must be positive, got " + errorTargetEvPerA + " eV/Å");
        }
        if (!(floor >= 0 && floor <= 1) || !(ceiling >= 0 && ceiling <= 1)) {
            throw new IllegalArgumentException("Audit floor and ceiling must be in [0, 1], got " + floor + " and "
                    + ceiling);
        }
        if (floor > ceiling) {
            throw new IllegalArgumentException("Audit floor " + floor + " is above the ceiling " + ceiling);
        }
        if (boostCalls < 0) {
            throw new IllegalArgumentException("Boost length must be ≥ 0 calls, got " + boostCalls);
        }
        this.errorTargetEvPerA = errorTargetEvPerA;
        this.floor = floor;
        this.ceiling = ceiling;
        this.boostCalls = boostCalls;
        this.boostUntil = boostCalls;
    }

    /**
     * With the default floor, ceiling and boost.
     *
     * @param errorTargetEvPerA ε_target, eV/Å
     * @return the policy
     */
    public static AdaptiveAuditPolicy withDefaults(double errorTargetEvPerA) {
        return new AdaptiveAuditPolicy(errorTargetEvPerA, DEFAULT_FLOOR, DEFAULT_CEILING, DEFAULT_BOOST_CALLS);
    }

    @Override
    public double probability(long call) {
        if (resumed) {
            boostUntil = call + boostCalls;
            resumed = false;
        }
        if (call < boostUntil || audits < MIN_AUDITS || Double.isNaN(standardError)) {
            return ceiling;
        }
        double z = standardError > 0 ? (errorTargetEvPerA - estimate) / standardError
                : estimate < errorTargetEvPerA ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        if (z <= Z_CEILING) {
            return ceiling;
        }
        if (z >= Z_FLOOR) {
            return floor;
        }
        return ceiling - (ceiling - floor) * (z - Z_CEILING) / (Z_FLOOR - Z_CEILING);
    }

    @Override
    public void onStep(StepRecord r) {
        if (r.modelVersion() != lastVersion) {
            if (lastVersion >= 0 || r.modelVersion() > 0) {
                boostUntil = r.step() + 1 + boostCalls;
            }
            lastVersion = r.modelVersion();
        }
        if (r.event() != null && r.event().contains("retrain")) {
            boostUntil = r.step() + 1 + boostCalls;
        }
        ErrorEstimate e = r.acceptedError();
        estimate = e.meanEvPerA();
        standardError = (e.highEvPerA() - e.meanEvPerA()) / 1.96;
        audits += r.audited() ? 1 : 0;
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putLong("boost_until", boostUntil).putLong("last_version", lastVersion)
                .putDouble("estimate", estimate).putDouble("standard_error", standardError).putLong("audits", audits);
    }

    /** Restores a saved state; a resume counts as a start, so the next calls audit at the ceiling. */
    @Override
    public void restoreState(StateMap state) {
        lastVersion = state.getLong("last_version");
        estimate = state.getDouble("estimate");
        standardError = state.getDouble("standard_error");
        audits = state.getLong("audits");
        boostUntil = state.getLong("boost_until");
        resumed = true;
    }

    /** @return the floor */
    public double floor() {
        return floor;
    }

    /** @return the ceiling */
    public double ceiling() {
        return ceiling;
    }
}
