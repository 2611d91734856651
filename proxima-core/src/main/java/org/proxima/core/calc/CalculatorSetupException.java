package org.proxima.core.calc;

/**
 * A calculator cannot be set up: missing binary or parameter file, bad template, missing element parameters.
 */
public class CalculatorSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it
     */
    public CalculatorSetupException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it
     * @param cause the underlying exception
     */
    public CalculatorSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
