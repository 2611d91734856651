package org.proxima.md.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns SIGTERM (e.g. Slurm at the wall-time limit) into a clean stop with a checkpoint: a shutdown hook marks the
 * stop, every run that opted in ({@link BlendedRun.Builder#stopOnTerminationSignal}) writes a checkpoint after its
 * current step and returns, and the hook waits (up to 5 minutes, a DFT step's worth) until they have. Opt-in,
 * because a library should not take over a host program's signals unasked.
 */
public final class TerminationSignal {

    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicInteger ACTIVE = new AtomicInteger();
    private static final Object LOCK = new Object();
    private static boolean installed;

    private TerminationSignal() {
    }

    /** Installs the shutdown hook once per JVM. */
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
            }, "proxima-termination"));
        }
    }

    /** @return whether a termination signal arrived */
    public static boolean requested() {
        return REQUESTED.get();
    }

    /** A run that will checkpoint on the signal starts. */
    static void enter() {
        ACTIVE.incrementAndGet();
    }

    /** Such a run has finished or stopped (its checkpoint, if any, is written). */
    static void leave() {
        ACTIVE.decrementAndGet();
        synchronized (LOCK) {
            LOCK.notifyAll();
        }
    }
}
