package org.proxima.ipi;

import org.proxima.core.calc.CalculationFailedException;

/**
 * A fault of an i-PI connection: the peer closed it, did not answer within the limit, sent something that is not
 * the i-PI protocol, or sizes beyond the limits. The message names the peer, the message being exchanged and what
 * was expected.
 */
public class IpiException extends CalculationFailedException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     */
    public IpiException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying exception
     */
    public IpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
