package org.proxima.md.analysis;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.proxima.core.neighbor.LinkedCellBuilder;
import org.proxima.core.neighbor.NeighborList;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * Vacancy-hop detection as the paper's reference code does it: per-atom neighbour counts within a cutoff (3.0 Å,
 * strict &lt;, all periodic images); a frame is "correct" (not in transition) when the histogram of counts equals
 * the expected one; a hop is recorded when a correct frame's per-atom counts differ from the last recorded
 * reference, which then becomes the reference. Frames with another histogram are transition frames and change
 * nothing. For a single vacancy in diamond the expected histogram is N − 4 four-fold and 4 three-fold atoms
 * ({@link #singleDiamondVacancy}). Run it as an observer every step (hops shorter than the interval are missed).
 */
public final class NeighbourCountHopDetector implements Observer, Checkpointable {

    /** The paper's neighbour cutoff for Si, Å (slightly above the 2.35 Å bond, below the 3.84 Å second shell). */
    public static final double SILICON_CUTOFF_A = 3.0;

    private final double cutoffA;
    private final Map<Integer, Integer> expected;
    private int[] reference;
    private final DoubleSeries hopTimesFs = new DoubleSeries();
    private final DoubleSeries hopSteps = new DoubleSeries();
    private long transitionFrames;
    private long frames;

    /**
     * @param cutoffA neighbour cutoff, Å
     * @param expectedHistogram expected number of atoms with each neighbour count in a non-transition frame
     */
    public NeighbourCountHopDetector(double cutoffA, Map<Integer, Integer> expectedHistogram) {
        if (!(cutoffA > 0)) {
            throw new IllegalArgumentException("Neighbour cutoff must be positive, got " + cutoffA + " Å");
        }
        this.cutoffA = cutoffA;
        this.expected = new TreeMap<>(expectedHistogram);
    }

    /**
     * The detector for one vacancy in a diamond-structure crystal of N atoms (N − 4 four-fold, 4 three-fold) with
     * the paper's 3.0 Å cutoff.
     *
     * @param atoms N
     * @return the detector
     */
    public static NeighbourCountHopDetector singleDiamondVacancy(int atoms) {
        return new NeighbourCountHopDetector(SILICON_CUTOFF_A, Map.of(4, atoms - 4, 3, 4));
    }

    /**
     * Neighbour counts of every atom.
     *
     * @param positionsA flat positions, Å
     * @param cell the cell
     * @param cutoffA cutoff, Å
     * @return count per atom
     */
    public static int[] neighbourCounts(double[] positionsA, org.proxima.core.model.Cell cell, double cutoffA) {
        NeighborList nl = LinkedCellBuilder.build(positionsA, cell, cutoffA, false);
        int[] counts = new int[positionsA.length / 3];
        for (int i = 0; i < counts.length; i++) {
            for (int p = nl.start(i); p < nl.end(i); p++) {
                counts[i]++;
                counts[nl.neighbor(p)]++;
            }
        }
        return counts;
    }

    @Override
    public void observe(Snapshot s) {
        frames++;
        int[] counts = neighbourCounts(s.positionsA(), s.cell(), cutoffA);
        if (reference == null) {
            reference = counts;
            return;
        }
        Map<Integer, Integer> hist = new TreeMap<>();
        for (int c : counts) {
            hist.merge(c, 1, Integer::sum);
        }
        if (!hist.equals(expected)) {
            transitionFrames++;
            return;
        }
        if (!Arrays.equals(counts, reference)) {
            hopTimesFs.add(s.timeFs());
            hopSteps.add(s.step());
            reference = counts;
        }
    }

    @Override
    public StateMap saveState() {
        StateMap m = new StateMap().putDoubles("hop_times_fs", hopTimesFs.toArray())
                .putDoubles("hop_steps", hopSteps.toArray()).putLong("transition_frames", transitionFrames)
                .putLong("frames", frames);
        m.putDoubles("reference", reference == null ? null : Arrays.stream(reference).asDoubleStream().toArray());
        return m;
    }

    @Override
    public void restoreState(StateMap state) {
        hopTimesFs.setAll(state.getDoubles("hop_times_fs"));
        hopSteps.setAll(state.getDoubles("hop_steps"));
        transitionFrames = state.getLong("transition_frames");
        frames = state.getLong("frames");
        double[] r = state.getDoubles("reference");
        reference = r == null ? null : Arrays.stream(r).mapToInt(d -> (int) d).toArray();
    }

    /** @return times of the detected hops, fs */
    public double[] hopTimesFs() {
        return hopTimesFs.toArray();
    }

    /** @return steps of the detected hops */
    public long[] hopSteps() {
        return Arrays.stream(hopSteps.toArray()).mapToLong(d -> (long) d).toArray();
    }

    /** @return frames whose histogram differed from the expected one */
    public long transitionFrames() {
        return transitionFrames;
    }

    /** @return frames observed */
    public long frames() {
        return frames;
    }

    /** @return hop statistics of this run */
    public HopStatistics statistics() {
        return HopStatistics.of(hopTimesFs());
    }
}
