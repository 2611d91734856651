package org.proxima.surrogate.nn;

import org.proxima.core.calc.Property;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.surrogate.descriptor.AniDescriptor;
import org.proxima.surrogate.descriptor.Descriptors;

/**
 * One training frame ready for a batch: descriptors with their derivatives, the float rows the network reads, and
 * the labels.
 *
 * @param index the frame's index in the training data
 * @param descriptors descriptors and derivatives
 * @param rows species and float descriptor rows, with the target energy
 * @param forcesEvPerA target forces (3N), eV/Å
 * @param virialEv target virial W = σV in Voigt order (6), eV, or null when the frame has no stress
 * @param weight the point's weight in the fit ({@link TrainingPoint#weight()})
 */
record TrainingFrame(int index, Descriptors descriptors, FrameRows rows, double[] forcesEvPerA, double[] virialEv,
        double weight) {

    /**
     * @param index the frame's index in the training data
     * @param descriptor the descriptor to compute with (not thread-safe: one per thread)
     * @param p the training point
     * @return the frame
     */
    static TrainingFrame of(int index, AniDescriptor descriptor, TrainingPoint p) {
        Descriptors d = descriptor.compute(p.structure());
        double[] virial = null;
        if (p.result().has(Property.STRESS)) {
            virial = p.result().stressEvPerA3();
            double v = p.structure().cell().volumeA3();
            for (int c = 0; c < 6; c++) {
                virial[c] *= v;
            }
        }
        return new TrainingFrame(index, d, FrameRows.of(d, p.result().energyEv()), p.result().forcesEvPerA(), virial,
                p.weight());
    }

    /** @return number of atoms */
    int atoms() {
        return rows.atoms();
    }
}
