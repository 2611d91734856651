package org.proxima.surrogate.nn;

/** Mean absolute energy-per-atom and force-component errors accumulated over frames. */
final class ErrorTally {

    private double energy;
    private int frames;
    private double force;
    private long components;

    /**
     * @param energyErrorEv predicted − target energy of a frame, eV
     * @param atoms its atom count
     * @param predicted predicted forces, eV/Å
     * @param target target forces, eV/Å
     */
    void add(double energyErrorEv, int atoms, double[] predicted, double[] target) {
        energy += Math.abs(energyErrorEv) / atoms;
        frames++;
        for (int c = 0; c < predicted.length; c++) {
            force += Math.abs(predicted[c] - target[c]);
        }
        components += predicted.length;
    }

    /** @return energy MAE per atom, eV (NaN without frames) */
    double energyMaeEvPerAtom() {
        return frames == 0 ? Double.NaN : energy / frames;
    }

    /** @return force-component MAE, eV/Å (NaN without frames) */
    double forceMaeEvPerA() {
        return components == 0 ? Double.NaN : force / components;
    }
}
