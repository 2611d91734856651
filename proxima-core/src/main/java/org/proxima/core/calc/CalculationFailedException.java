package org.proxima.core.calc;

/**
 * A calculation could not be completed (an external program crashed, an SCF did not converge, a result was not
 * finite). Setup problems (a missing binary, a bad parameter) are reported as {@link CalculatorSetupException} or
 * {@link IllegalArgumentException} instead.
 */
public class CalculationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the offending value
     */
    public CalculationFailedException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying exception
     */
    public CalculationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
