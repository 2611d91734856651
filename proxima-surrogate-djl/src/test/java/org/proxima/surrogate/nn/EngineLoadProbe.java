package org.proxima.surrogate.nn;

/** Loads the engine through {@link DjlRuntime} and reports the result (run in a separate JVM by a test). */
public final class EngineLoadProbe {

    private EngineLoadProbe() {
    }

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        try {
            System.out.println("LOADED " + DjlRuntime.engine().getVersion());
        } catch (IllegalStateException e) {
            System.out.println("FAILED " + e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                System.out.println("CAUSE " + c.getClass().getName() + ": " + c.getMessage());
            }
            System.exit(3);
        }
    }
}
