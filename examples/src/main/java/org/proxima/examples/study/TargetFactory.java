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
}
