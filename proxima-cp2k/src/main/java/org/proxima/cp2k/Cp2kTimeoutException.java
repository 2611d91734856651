package org.proxima.cp2k;

import org.proxima.core.calc.CalculationFailedException;

/** CP2K did not answer within the configured time (after the configured retries). */
public class Cp2kTimeoutException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out
     */
    public Cp2kTimeoutException(String message) {
        super(message);
    }
}
