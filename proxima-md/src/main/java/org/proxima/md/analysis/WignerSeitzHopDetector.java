package org.proxima.md.analysis;

import org.proxima.core.model.Cell;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

/**
 * Vacancy-hop detection by Wigner–Seitz-like site assignment: atoms are assigned to the ideal lattice sites (given
 * in fractional coordinates, so they follow the cell under a barostat); each frame the lattice translation is refit
 * as the mean displacement of the atoms from their sites; an atom counts as on a site only within
 * {@value #DEFAULT_CAPTURE_A} Å of it, otherwise it keeps its last site. The vacant site is the site no atom is
 * assigned to; a hop is a change of the vacant site (frames where no single site is vacant, e.g. two atoms
 * claiming one site, change nothing).
 */
public final class WignerSeitzHopDetector implements Observer, Checkpointable {

    /** Capture radius around a site, Å. */
    public static final double DEFAULT_CAPTURE_A = 0.7;

    private final double[] sites;
    private final double captureA;
    private int[] assigned;
    private final double[] shift = new double[3];
    private int vacantSite = -1;
    private final DoubleSeries hopTimesFs = new DoubleSeries();
    private final DoubleSeries hopSteps = new DoubleSeries();

    /**
     * @param siteFractional fractional coordinates of the lattice sites (3 per site), one more site than atoms for
     *     a single vacancy
     * @param captureA capture radius, Å
     */
    public WignerSeitzHopDetector(double[] siteFractional, double captureA) {
        if (siteFractional.length % 3 != 0 || siteFractional.length == 0) {
            throw new IllegalArgumentException("Site coordinates must be a non-empty flat 3M array");
        }
        this.sites = siteFractional.clone();
        this.captureA = captureA;
    }

    /**
     * A detector for a cubic diamond supercell with vacancies: the sites are those of
     * {@code Crystals.diamondCubic(...).repeat(r, r, r)} (ASE order), r inferred from the atom count.
     *
     * @param structure the structure (8r³ − k atoms, k ≥ 1 vacancies)
     * @return the detector
     * @throws IllegalArgumentException if the atom count does not fit a diamond supercell with one vacancy
     */
    public static WignerSeitzHopDetector diamondSupercell(Structure structure) {
        int r = (int) Math.round(Math.cbrt((structure.size() + 1) / 8.0));
        if (8 * r * r * r != structure.size() + 1) {
            throw new IllegalArgumentException("Wigner-Seitz hop detection needs a cubic diamond supercell with one "
                    + "vacancy (8r³ − 1 atoms), got " + structure.size() + " atoms");
        }
        Structure ideal = Crystals.diamondCubic("Si", 1.0).repeat(r, r, r);
        double[] s = ideal.positionsA();
        ideal.cell().toFractional(s, s);
        return new WignerSeitzHopDetector(s, DEFAULT_CAPTURE_A);
    }

    @Override
    public void observe(Snapshot snap) {
        int n = snap.atomCount();
        int m = sites.length / 3;
        Cell cell = snap.cell();
        double[] frac = snap.positionsA();
        cell.toFractional(frac, frac);
        double[] d = new double[3];
        if (assigned == null) {
            assigned = new int[n];
            for (int i = 0; i < n; i++) {
                assigned[i] = nearest(frac, i, cell, d, m);
            }
        } else {
            // refit the lattice translation: mean displacement of atoms from their current sites
            double[] sum = new double[3];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    double x = frac[3 * i + k] - sites[3 * assigned[i] + k] - shift[k];
                    sum[k] += x - Math.rint(x);
                }
            }
            for (int k = 0; k < 3; k++) {
                shift[k] += sum[k] / n;
            }
            for (int i = 0; i < n; i++) {
                int site = nearest(frac, i, cell, d, m);
                if (distanceSq(frac, i, site, cell, d) < captureA * captureA) {
                    assigned[i] = site;
                }
            }
        }
        int[] occupancy = new int[m];
        for (int i = 0; i < n; i++) {
            occupancy[assigned[i]]++;
        }
        int vacant = -1;
        int empty = 0;
        boolean multiple = false;
        for (int s = 0; s < m; s++) {
            if (occupancy[s] == 0) {
                empty++;
                vacant = s;
            }
            multiple |= occupancy[s] > 1;
        }
        if (empty != 1 || multiple) {
            return;
        }
        if (vacantSite >= 0 && vacant != vacantSite) {
            hopTimesFs.add(snap.timeFs());
            hopSteps.add(snap.step());
        }
        vacantSite = vacant;
    }

    private int nearest(double[] frac, int atom, Cell cell, double[] d, int m) {
        int best = -1;
        double bestSq = Double.POSITIVE_INFINITY;
        for (int s = 0; s < m; s++) {
            double sq = distanceSq(frac, atom, s, cell, d);
            if (sq < bestSq) {
                bestSq = sq;
                best = s;
            }
        }
        return best;
    }

    private double distanceSq(double[] frac, int atom, int site, Cell cell, double[] d) {
        for (int k = 0; k < 3; k++) {
            double x = frac[3 * atom + k] - sites[3 * site + k] - shift[k];
            d[k] = cell.isPeriodic(k) ? x - Math.rint(x) : x;
        }
        cell.toCartesian(d, d);
        return d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    }

    @Override
    public StateMap saveState() {
        StateMap m = new StateMap().putDoubles("hop_times_fs", hopTimesFs.toArray())
                .putDoubles("hop_steps", hopSteps.toArray()).putLong("vacant_site", vacantSite)
                .putDoubles("shift", shift);
        m.putDoubles("assigned", assigned == null ? null : java.util.Arrays.stream(assigned).asDoubleStream()
                .toArray());
        return m;
    }

    @Override
    public void restoreState(StateMap state) {
        hopTimesFs.setAll(state.getDoubles("hop_times_fs"));
        hopSteps.setAll(state.getDoubles("hop_steps"));
        vacantSite = (int) state.getLong("vacant_site");
        System.arraycopy(state.getDoubles("shift"), 0, shift, 0, 3);
        double[] a = state.getDoubles("assigned");
        assigned = a == null ? null : java.util.Arrays.stream(a).mapToInt(d -> (int) d).toArray();
    }

    /** @return the currently vacant site index, or −1 before the first clean frame */
    public int vacantSite() {
        return vacantSite;
    }

    /** @return times of the detected hops, fs */
    public double[] hopTimesFs() {
        return hopTimesFs.toArray();
    }

    /** @return hop statistics of this run */
    public HopStatistics statistics() {
        return HopStatistics.of(hopTimesFs());
    }
}
