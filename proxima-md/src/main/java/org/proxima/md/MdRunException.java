package org.proxima.md;

/**
 * A run stopped before completing its steps. Output written so far by observers is kept (flushed).
 */
public class MdRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long step;

    /**
     * @param step the step at which the run stopped (the last completed step)
     * @param message what went wrong
     * @param cause the underlying exception
     */
    public MdRunException(long step, String message, Throwable cause) {
        super(message, cause);
        this.step = step;
    }

    /** @return the last completed step */
    public long step() {
        return step;
    }
}
