package org.proxima.examples.study;

import java.util.Set;

import org.proxima.core.calc.ForceCalculator;

/** Makes the target calculator of a run (one per run, closed by the run). */
public interface TargetFactory {

    /**
     * @param elements element symbols the calculator must handle
     * @return a new calculator
     */
    ForceCalculator create(Set<String> elements);

    /** @return a short description for outputs, e.g. {@code sw} */
    String description();

    /** @return the most calls a run may make to the target (the run stops with an error at the next one) */
    default long maxCalls() {
        return Long.MAX_VALUE;
    }

    /**
     * @param cap the most target calls of a run (a DFT budget)
     * @return this factory with that cap
     */
    default TargetFactory withMaxCalls(long cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("The target-call cap must be ≥ 1, got " + cap);
        }
        TargetFactory inner = this;
        return new TargetFactory() {
            @Override
            public ForceCalculator create(Set<String> elements) {
                return inner.create(elements);
            }

            @Override
            public String description() {
                return inner.description();
            }

            @Override
            public long maxCalls() {
                return cap;
            }
        };
    }
}
