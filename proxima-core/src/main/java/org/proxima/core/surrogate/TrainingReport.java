package org.proxima.core.surrogate;

import java.util.List;

/**
 * What one (re)training did: the new model version, the data used, the wall time, and per-member metrics.
 *
 * @param modelVersion version of the model produced
 * @param points training points available (before splitting)
 * @param wallSeconds wall time of the whole fit, s
 * @param members per-member reports
 */
public record TrainingReport(long modelVersion, int points, double wallSeconds, List<MemberReport> members) {

    /**
     * Validates.
     */
    public TrainingReport {
        members = List.copyOf(members);
    }

    /**
     * One member's training.
     *
     * @param member member index
     * @param trainFrames frames it was fitted on
     * @param validFrames frames held out for validation
     * @param epochs metrics per epoch (one entry for closed-form fits)
     */
    public record MemberReport(int member, int trainFrames, int validFrames, List<EpochMetrics> epochs) {

        /**
         * Validates.
         */
        public MemberReport {
            epochs = List.copyOf(epochs);
        }

        /** @return the metrics after the last epoch */
        public EpochMetrics last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    /**
     * Mean absolute errors after one epoch (NaN where not computed, e.g. an empty validation set).
     *
     * @param epoch epoch number, from 1
     * @param trainEnergyMaeEvPerAtom training energy MAE per atom, eV/atom
     * @param trainForceMaeEvPerA training force-component MAE, eV/Å
     * @param validEnergyMaeEvPerAtom validation energy MAE per atom, eV/atom
     * @param validForceMaeEvPerA validation force-component MAE, eV/Å
     */
    public record EpochMetrics(int epoch, double trainEnergyMaeEvPerAtom, double trainForceMaeEvPerA,
            double validEnergyMaeEvPerAtom, double validForceMaeEvPerA) {
    }
}
