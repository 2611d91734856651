package org.proxima.cp2k;

import org.proxima.core.calc.CalculationFailedException;

/**
 * CP2K's SCF did not converge (its shell does not say so; Proxima finds {@code SCF run NOT converged} in CP2K's
 * output). The energy and forces it would return are not trustworthy.
 */
public class ScfNotConvergedException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which evaluation, and where CP2K's log is
     */
    public ScfNotConvergedException(String message) {
        super(message);
    }
}
