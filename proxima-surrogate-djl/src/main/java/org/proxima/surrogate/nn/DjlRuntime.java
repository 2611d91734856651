package org.proxima.surrogate.nn;

import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine the way Proxima needs it: strictly offline (the native library comes from the
 * {@code pytorch-native-cpu} Maven artifact and is unpacked into {@code DJL_CACHE_DIR}, about 450 MB on first use;
 * nothing is downloaded, and DJL's start-up telemetry is off), with one intra-op and one inter-op thread by
 * default (two threads gave no speed-up for 63 atoms here, and spin-waiting made them 3–10× slower).
 *
 * <p>Configure with system properties before first use: {@code proxima.djl.threads} (intra-op threads, default 1).
 * OpenMP's wait policy can only be set in the environment before the JVM starts ({@code OMP_WAIT_POLICY=PASSIVE},
 * as {@code bin/proxima} and the build's test configuration do); a warning is logged if it is not.
 */
public final class DjlRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(DjlRuntime.class);
    private static volatile Engine engine;

    private DjlRuntime() {
    }

    /**
     * Loads the engine once (thread-safe).
     *
     * @return the PyTorch engine
     * @throws IllegalStateException if the native library is not available offline
     */
    public static Engine engine() {
        Engine e = engine;
        if (e != null) {
            return e;
        }
        synchronized (DjlRuntime.class) {
            if (engine == null) {
                System.setProperty("ai.djl.offline", "true");
                String threads = System.getProperty("proxima.djl.threads", "1");
                System.setProperty("ai.djl.pytorch.num_threads", threads);
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
                if (!"PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"))) {
                    LOG.warn("OMP_WAIT_POLICY is not PASSIVE: PyTorch's OpenMP threads may spin-wait and slow small "
                            + "models down; export OMP_WAIT_POLICY=PASSIVE before starting Java (bin/proxima does)");
                }
                try {
                    engine = Engine.getEngine("PyTorch");
                } catch (RuntimeException | UnsatisfiedLinkError e2) {
                    throw new IllegalStateException("Cannot load DJL's PyTorch engine offline: " + e2.getMessage()
                            + ". The native library comes from the Maven artifact ai.djl.pytorch:pytorch-native-cpu"
                            + " (classifier linux-x86_64); make sure it is on the class path", e2);
                }
                LOG.info("DJL {} {} loaded offline ({} intra-op thread(s))", engine.getEngineName(),
                        engine.getVersion(), threads);
            }
            return engine;
        }
    }
}
