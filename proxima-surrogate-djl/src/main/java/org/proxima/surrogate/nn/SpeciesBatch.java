package org.proxima.surrogate.nn;

import java.util.List;

/**
 * The atoms of one species gathered over a batch of frames: their descriptor rows stacked into one float matrix
 * (rows × D) and, per row, the frame and atom it came from.
 *
 * @param x descriptor rows, row-major
 * @param frame frame index (in the batch) of each row
 * @param atom atom index (in its frame) of each row
 */
record SpeciesBatch(float[] x, int[] frame, int[] atom) {

    /**
     * @param frames the batch
     * @param species the species index
     * @param dim descriptor length D
     * @return the gathered rows
     */
    static SpeciesBatch of(List<FrameRows> frames, int species, int dim) {
        int count = 0;
        for (FrameRows f : frames) {
            for (int s : f.species()) {
                if (s == species) {
                    count++;
                }
            }
        }
        float[] x = new float[count * dim];
        int[] frame = new int[count];
        int[] atom = new int[count];
        int r = 0;
        for (int f = 0; f < frames.size(); f++) {
            FrameRows rows = frames.get(f);
            for (int i = 0; i < rows.atoms(); i++) {
                if (rows.species()[i] == species) {
                    System.arraycopy(rows.values(), i * dim, x, r * dim, dim);
                    frame[r] = f;
                    atom[r] = i;
                    r++;
                }
            }
        }
        return new SpeciesBatch(x, frame, atom);
    }

    /** @return number of rows */
    int size() {
        return frame.length;
    }

    /**
     * The segment-sum matrix S (frames × rows) with S[f][r] = 1 when row r belongs to frame f, so that S·e sums
     * atomic energies into frame energies.
     *
     * @param frames number of frames in the batch
     * @return S, row-major
     */
    float[] segmentMatrix(int frames) {
        int n = size();
        float[] seg = new float[frames * n];
        for (int r = 0; r < n; r++) {
            seg[frame[r] * n + r] = 1f;
        }
        return seg;
    }
}
