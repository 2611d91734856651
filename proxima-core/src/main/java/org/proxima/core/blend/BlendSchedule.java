package org.proxima.core.blend;

/**
 * Maps the blending index i ∈ [0, n] to the surrogate weight λ ∈ [0, 1] (λ = 0 pure target, λ = 1 pure surrogate).
 * Users can plug other sigmoids; they must give λ(0) = 0 and λ(n) = 1.
 */
@FunctionalInterface
public interface BlendSchedule {

    /**
     * @param index blending index i, 0 ≤ i ≤ n
     * @param steps n ≥ 1
     * @return λ
     */
    double lambda(int index, int steps);

    /**
     * The reference schedule λ(i) = (1 − cos(π i / n)) / 2, whose slope vanishes at both ends. (The paper's Eq. 3
     * prints f(z) = −cos(πx) + 1; its code uses this normalised form.) With n = 1 it is the hard switch of plain
     * PROXIMA.
     *
     * @return the schedule
     */
    static BlendSchedule cosine() {
        return (i, n) -> i <= 0 ? 0.0 : i >= n ? 1.0 : 0.5 * (1 - Math.cos(Math.PI * i / n));
    }

    /**
     * A linear ramp λ = i / n (steps in the force's first derivative at both ends; for comparison).
     *
     * @return the schedule
     */
    static BlendSchedule linear() {
        return (i, n) -> Math.max(0.0, Math.min(1.0, (double) i / n));
    }
}
