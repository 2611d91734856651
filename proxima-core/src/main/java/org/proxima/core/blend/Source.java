package org.proxima.core.blend;

/** Where the result of one step came from. */
public enum Source {
    /** Pure target (λ = 0). */
    TARGET,
    /** A blend λ S + (1 − λ) F with 0 &lt; λ &lt; 1; the target ran. */
    BLEND,
    /** Pure surrogate (λ = 1); the target did not run. */
    SURROGATE
}
