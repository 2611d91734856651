package org.proxima.core.checkpoint;

/** A checkpoint cannot be written, is damaged, has an unknown format, or does not fit the run being resumed. */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file or entry
     */
    public CheckpointException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the underlying exception
     */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
