package org.proxima.core.blend;

import org.proxima.core.checkpoint.StateMap;

/** The paper's audit policy: a fixed probability per call. */
final class FixedAuditPolicy implements AuditPolicy {

    private final double probability;

    FixedAuditPolicy(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("Audit probability must be in [0, 1], got " + probability);
        }
        this.probability = probability;
    }

    @Override
    public double probability(long call) {
        return probability;
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDouble("probability", probability);
    }

    @Override
    public void restoreState(StateMap state) {
        // nothing changes; the saved probability documents the run
    }
}
