package org.proxima.examples.study;

/**
 * When and how the surrogate is (re)trained during a run.
 *
 * @param retrainInterval refit after this many new target points; the first fit happens when the training set
 *     reaches this size
 * @param maxSize cap on training frames per member, 0 for none
 * @param epochs epochs per training (NN only)
 */
public record TrainingPlan(int retrainInterval, int maxSize, int epochs) {

    /** Retrain interval of the linear ensemble, target points (see {@link #defaults}). */
    public static final int LINEAR_RETRAIN_INTERVAL = 64;

    /**
     * Validates.
     */
    public TrainingPlan {
        if (retrainInterval < 1 || maxSize < 0 || epochs < 0) {
            throw new IllegalArgumentException("Need retrain interval ≥ 1, training cap ≥ 0 and epochs ≥ 0; got "
                    + retrainInterval + ", " + maxSize + ", " + epochs);
        }
    }

    /**
     * The defaults. NN: the paper's, NPT retrains every 1024 target points with 32 epochs and no cap (a single
     * training in a 2048-step run), NVT every 512 with a 512-frame cap and 16 epochs. Linear: every
     * {@value #LINEAR_RETRAIN_INTERVAL} target points, no cap. 64 frames of 63 atoms give 64 × 189 force equations
     * for the 49 parameters of a member, so the first fit is already well determined; an incremental refit costs
     * one frame's descriptors per new point and one 49 × 49 solve (milliseconds), so refitting often costs nothing
     * and lets the model follow the trajectory, while the first fit comes 16 times earlier than the NN's.
     *
     * @param kind the surrogate
     * @param npt true for the NPT study, false for NVT
     * @return the plan
     */
    public static TrainingPlan defaults(SurrogateKind kind, boolean npt) {
        return switch (kind) {
            case NN -> npt ? new TrainingPlan(1024, 0, 32) : new TrainingPlan(512, 512, 16);
            case LINEAR -> new TrainingPlan(LINEAR_RETRAIN_INTERVAL, 0, 0);
        };
    }
}
