package org.proxima.examples.study;

import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;

/** Counts the calls of a calculator and the wall time spent in them (for target-only runs). */
final class TimedCalculator implements ForceCalculator {

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

    /**
     * Continues the counts of a checkpointed run.
     *
     * @param previousCalls calls before
     * @param previousSeconds seconds before
     */
    void restore(long previousCalls, double previousSeconds) {
        calls = previousCalls;
        seconds = previousSeconds;
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
