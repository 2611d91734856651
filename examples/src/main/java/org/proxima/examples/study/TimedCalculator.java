package org.proxima.examples.study;

import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.model.Structure;

/** Counts the calls of a calculator and the wall time spent in them; checkpointed with the run. */
final class TimedCalculator implements ForceCalculator, Checkpointable {

    private final ForceCalculator inner;
    private long calls;
    private double seconds;

    TimedCalculator(ForceCalculator inner) {
        this.inner = inner;
    }

    @Override
    public CalculationResult calculate(Structure structure) {
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
