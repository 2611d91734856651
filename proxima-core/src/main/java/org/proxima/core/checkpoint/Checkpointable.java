package org.proxima.core.checkpoint;

/**
 * Something whose state goes into a checkpoint (an observer's accumulated statistics, a detector's reference) so
 * that a resumed run continues exactly where the interrupted one was.
 */
public interface Checkpointable {

    /** @return the complete state */
    StateMap saveState();

    /**
     * Replaces the state by a saved one.
     *
     * @param state a state written by {@link #saveState()}
     * @throws CheckpointException if the state does not fit
     */
    void restoreState(StateMap state);
}
