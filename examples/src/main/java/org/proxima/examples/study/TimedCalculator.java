package org.proxima.examples.study;

import java.util.Set;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.model.Structure;

/**
 * Counts the calls of a calculator and the wall time spent in them, and refuses calls beyond a cap (a DFT budget:
 * the run stops with an error naming the step, its outputs and checkpoints kept); checkpointed with the run, so the
 * cap counts the calls of the whole run across resumes.
 */
final class TimedCalculator implements ForceCalculator, Checkpointable {

    private final ForceCalculator inner;
    private final long maxCalls;
    private long calls;
    private double seconds;

    TimedCalculator(ForceCalculator inner, long maxCalls) {
        this.inner = inner;
        this.maxCalls = maxCalls;
    }

    @Override
    public CalculationResult calculate(Structure structure) {
        if (calls >= maxCalls) {
            throw new CalculationFailedException("The cap of " + maxCalls + " target calls is reached (--max-target-"
                    + "calls); resume with a larger cap to continue");
        }
        long t0 = System.nanoTime();
        try {
            return inner.calculate(structure);
        } finally {
            seconds += (System.nanoTime() - t0) / 1e9;
            calls++;
        }
    }

    @Override
    public Set<Property> implementedProperties() {
        return inner.implementedProperties();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putLong("target_calls", calls).putDouble("target_seconds", seconds);
    }

    @Override
    public void restoreState(StateMap state) {
        calls = state.getLong("target_calls");
        seconds = state.getDouble("target_seconds");
    }

    /** @return calls so far */
    long calls() {
        return calls;
    }

    /** @return seconds in the calculator so far */
    double seconds() {
        return seconds;
    }

    @Override
    public void close() {
        inner.close();
    }
}
