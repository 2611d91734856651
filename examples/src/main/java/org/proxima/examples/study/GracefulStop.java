package org.proxima.examples.study;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns SIGTERM (e.g. Slurm at the wall-time limit) into a checkpoint: a shutdown hook marks the stop, and every
 * checkpointed run writes a checkpoint at its next step and ends; the hook waits (up to 5 minutes, a DFT step's
 * worth) until they have.
 */
final class GracefulStop {

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final Object LOCK = new Object();
    private static boolean installed;

    private GracefulStop() {
    }

    /** Installs the shutdown hook once. */
    static void install() {
        synchronized (LOCK) {
            if (installed) {
                return;
            }
            installed = true;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                REQUESTED.set(true);
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                synchronized (LOCK) {
                    while (ACTIVE.get() > 0 && System.nanoTime() < deadline) {
                        try {
                            LOCK.wait(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "proxima-graceful-stop"));
        }
    }

    /** @return whether a stop was requested */
    static boolean requested() {
        return REQUESTED.get();
    }

    /** A checkpointed run starts. */
    static void enter() {
        ACTIVE.incrementAndGet();
    }

    /** A checkpointed run has finished or stopped (its checkpoint, if any, is written). */
    static void leave() {
        ACTIVE.decrementAndGet();
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
    }

    /** Thrown by a run's checkpointer to end the run after the stop checkpoint. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(long step) {
            super("stopped by a termination signal after the checkpoint at step " + step
                    + "; continue with --resume");
        }
    }
}
