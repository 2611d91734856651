package org.proxima.md.observe;

/**
 * Receives a {@link Snapshot} at step 0 and every {@code interval} steps (ASE's {@code attach}). Observers read;
 * they never modify the simulation. Observers that hold files flush what they write so that a run that fails
 * mid-way keeps its output, and release them in {@link #close()}.
 */
@FunctionalInterface
public interface Observer extends AutoCloseable {

    /**
     * @param snapshot the current step; valid only during this call (copy what you keep)
     */
    void observe(Snapshot snapshot);

    /** Flushes and releases resources. The default does nothing. */
    @Override
    default void close() {
    }
}
