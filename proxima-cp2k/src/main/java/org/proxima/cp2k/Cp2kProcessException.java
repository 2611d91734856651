package org.proxima.cp2k;

import org.proxima.core.calc.CalculationFailedException;

/** The CP2K process died or answered with an error (after the configured retries). */
public class Cp2kProcessException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened, with CP2K's own message where there is one
     */
    public Cp2kProcessException(String message) {
        super(message);
    }
}
