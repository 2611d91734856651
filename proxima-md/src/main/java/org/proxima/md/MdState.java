package org.proxima.md;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.checkpoint.CheckpointException;
import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;
import org.proxima.core.units.Units;

/**
 * The mutable state of a running simulation: positions (Å), velocities (Å/fs), cell, step count and time, the
 * integrator's own variables (thermostat and barostat coordinates, stored by name) and the integrator's random
 * number generator. Integrators update it in place; {@link #toStructure()} makes the immutable snapshot a
 * calculator evaluates, and {@link #copy()} a deep copy (RNG state included) for checkpoints or branching runs.
 *
 * <p>Positions and velocities are flat arrays {@code [x0, y0, z0, x1, …]} that are never replaced, so an
 * integrator may keep references to them. Not thread-safe.
 */
public final class MdState implements Checkpointable {

    private final String[] symbols;
    private final double[] massesAmu;
    private final double[] positionsA;
    private final double[] velocitiesAPerFs;
    private final DMatrix3x3 h = new DMatrix3x3();
    private boolean[] pbc;
    private Cell cell;
    private long step;
    private double timeFs;
    private final Map<String, double[]> variables;
    private RandomGenerator rng;

    private MdState(String[] symbols, double[] masses, double[] positions, double[] velocities, Cell cell, long step,
            double timeFs, Map<String, double[]> variables, RandomGenerator rng) {
        this.symbols = symbols;
        this.massesAmu = masses;
        this.positionsA = positions;
        this.velocitiesAPerFs = velocities;
        setCell(cell);
        this.step = step;
        this.timeFs = timeFs;
        this.variables = variables;
        this.rng = rng;
    }

    /**
     * A state at rest (zero velocities).
     *
     * @param structure atoms and cell
     * @param seed seed of the integrator's random number generator (thermostat noise)
     * @return the state at step 0, time 0
     */
    public static MdState of(Structure structure, long seed) {
        return of(structure, new double[3 * structure.size()], seed);
    }

    /**
     * A state with given velocities.
     *
     * @param structure atoms and cell
     * @param velocitiesAPerFs flat 3N velocities, Å/fs (copied)
     * @param seed seed of the integrator's random number generator
     * @return the state at step 0, time 0
     */
    public static MdState of(Structure structure, double[] velocitiesAPerFs, long seed) {
        Objects.requireNonNull(structure, "structure");
        if (velocitiesAPerFs.length != 3 * structure.size()) {
            throw new IllegalArgumentException("Mismatched array lengths: " + structure.size() + " atoms but "
                    + velocitiesAPerFs.length + " velocity components (expected " + 3 * structure.size() + ")");
        }
        for (int k = 0; k < velocitiesAPerFs.length; k++) {
            if (!Double.isFinite(velocitiesAPerFs[k])) {
                throw new IllegalArgumentException("Velocity of atom " + k / 3 + ", " + "xyz".charAt(k % 3) + " = "
                        + velocitiesAPerFs[k] + " Å/fs is not finite");
            }
        }
        return new MdState(structure.symbols(), structure.massesAmu(), structure.positionsA(),
                velocitiesAPerFs.clone(), structure.cell(), 0, 0.0, new LinkedHashMap<>(), new Well19937c(seed));
    }

    /** @return a deep copy, including integrator variables and the random generator's exact state */
    public MdState copy() {
        Map<String, double[]> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> vars.put(k, v.clone()));
        return new MdState(symbols.clone(), massesAmu.clone(), positionsA.clone(), velocitiesAPerFs.clone(), cell(),
                step, timeFs, vars, copyRng(rng));
    }

    /** @return the immutable structure at the current positions and cell */
    public Structure toStructure() {
        return Structure.of(cell(), symbols, positionsA, massesAmu);
    }

    /** @return number of atoms */
    public int size() {
        return symbols.length;
    }

    /**
     * The live position array (Å), updated in place by integrators. Callers other than integrators must not
     * modify it.
     *
     * @return flat positions
     */
    public double[] positions() {
        return positionsA;
    }

    /**
     * The live velocity array (Å/fs), updated in place by integrators.
     *
     * @return flat velocities
     */
    public double[] velocities() {
        return velocitiesAPerFs;
    }

    /**
     * @param atom atom index
     * @return its mass, amu
     */
    public double massAmu(int atom) {
        return massesAmu[atom];
    }

    /** @return masses, amu (a copy) */
    public double[] massesAmu() {
        return massesAmu.clone();
    }

    /** @return total mass, amu */
    public double totalMassAmu() {
        double m = 0;
        for (double x : massesAmu) {
            m += x;
        }
        return m;
    }

    /** @return element symbols (a copy) */
    public String[] symbols() {
        return symbols.clone();
    }

    /** @return the current cell (made from the live matrix on first use after a change) */
    public Cell cell() {
        if (cell == null) {
            cell = Cell.of(h, pbc);
        }
        return cell;
    }

    /**
     * Replaces the cell (positions are not changed; barostats move them themselves).
     *
     * @param newCell the cell
     */
    public void setCell(Cell newCell) {
        Objects.requireNonNull(newCell, "cell");
        h.setTo(newCell.matrix());
        pbc = newCell.pbc();
        cell = newCell;
    }

    /**
     * The live lattice matrix (rows a, b, c; Å), for integrators that read it every step without allocating.
     * Callers must not modify it: use {@link #setCellMatrix}.
     *
     * @return the matrix
     */
    public DMatrix3x3 cellMatrix() {
        return h;
    }

    /**
     * Replaces the lattice matrix in place (barostats, every step, without allocating); periodicity is kept.
     *
     * @param rows the new rows a, b, c, Å (copied)
     * @throws IllegalArgumentException if the cell would be singular, inverted or not finite
     */
    public void setCellMatrix(DMatrix3x3 rows) {
        double det = CommonOps_DDF3.det(rows);
        if (!(det > 0) || !Double.isFinite(det)) {
            throw new IllegalArgumentException("The barostat produced a cell of volume " + det + " Å³ (singular, "
                    + "inverted or not finite); the time step or the barostat's time constant is too large");
        }
        h.setTo(rows);
        cell = null;
    }

    /** @return the cell volume |det H|, Å³ (no allocation) */
    public double volumeA3() {
        return cell != null ? cell.volumeA3() : Math.abs(CommonOps_DDF3.det(h));
    }

    /** @return number of completed steps */
    public long step() {
        return step;
    }

    /** @return simulated time, fs */
    public double timeFs() {
        return timeFs;
    }

    /**
     * Records one completed step.
     *
     * @param dtFs the step length, fs
     */
    public void advance(double dtFs) {
        step++;
        timeFs += dtFs;
    }

    /**
     * Sets step count and time (used when resuming).
     *
     * @param newStep steps completed
     * @param newTimeFs time, fs
     */
    public void setClock(long newStep, double newTimeFs) {
        this.step = newStep;
        this.timeFs = newTimeFs;
    }

    /** @return the integrator's random number generator (thermostat noise); its state is part of this state */
    public RandomGenerator random() {
        return rng;
    }

    /**
     * An integrator variable, created zero-filled on first use.
     *
     * @param name variable name, e.g. {@code "nhc.xi"}
     * @param length number of values
     * @return the live array
     */
    public double[] variable(String name, int length) {
        double[] v = variables.get(name);
        if (v == null) {
            v = new double[length];
            variables.put(name, v);
        }
        if (v.length != length) {
            throw new IllegalStateException("Integrator variable '" + name + "' has length " + v.length + ", not "
                    + length + ": was this state made by another integrator?");
        }
        return v;
    }

    /**
     * @param name variable name
     * @return whether the variable exists
     */
    public boolean hasVariable(String name) {
        return variables.containsKey(name);
    }

    /** @return all integrator variables (copies), for saving */
    public Map<String, double[]> variables() {
        Map<String, double[]> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    /** @return kinetic energy ½ Σ m v², eV */
    public double kineticEnergyEv() {
        double k = 0;
        for (int i = 0; i < massesAmu.length; i++) {
            double vx = velocitiesAPerFs[3 * i];
            double vy = velocitiesAPerFs[3 * i + 1];
            double vz = velocitiesAPerFs[3 * i + 2];
            k += massesAmu[i] * (vx * vx + vy * vy + vz * vz);
        }
        return 0.5 * k * Units.AMU_A2_PER_FS2_IN_EV;
    }

    /**
     * The kinetic tensor Σ m v⊗v in Voigt order xx yy zz yz xz xy, eV (twice the kinetic energy tensor).
     *
     * @return the six components
     */
    public double[] kineticTensorEv() {
        return kineticTensorInto(new double[6]);
    }

    /**
     * The kinetic tensor Σ m v⊗v into a caller's array (no allocation).
     *
     * @param t receives the six Voigt components xx yy zz yz xz xy, eV (overwritten)
     * @return {@code t}
     */
    public double[] kineticTensorInto(double[] t) {
        java.util.Arrays.fill(t, 0, 6, 0.0);
        for (int i = 0; i < massesAmu.length; i++) {
            double m = massesAmu[i];
            double vx = velocitiesAPerFs[3 * i];
            double vy = velocitiesAPerFs[3 * i + 1];
            double vz = velocitiesAPerFs[3 * i + 2];
            t[0] += m * vx * vx;
            t[1] += m * vy * vy;
            t[2] += m * vz * vz;
            t[3] += m * vy * vz;
            t[4] += m * vx * vz;
            t[5] += m * vx * vy;
        }
        for (int k = 0; k < 6; k++) {
            t[k] *= Units.AMU_A2_PER_FS2_IN_EV;
        }
        return t;
    }

    /**
     * Temperature from the kinetic energy, T = 2 KE / (f k_B).
     *
     * @param degreesOfFreedom f
     * @return temperature, K
     */
    public double temperatureK(int degreesOfFreedom) {
        return 2 * kineticEnergyEv() / (degreesOfFreedom * Units.KB_EV_PER_K);
    }

    /** @return total momentum, amu·Å/fs (3 values) */
    public double[] totalMomentum() {
        double[] p = new double[3];
        for (int i = 0; i < massesAmu.length; i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += massesAmu[i] * velocitiesAPerFs[3 * i + k];
            }
        }
        return p;
    }

    /** Removes the centre-of-mass velocity. */
    public void zeroTotalMomentum() {
        double[] p = totalMomentum();
        double m = totalMassAmu();
        for (int i = 0; i < massesAmu.length; i++) {
            for (int k = 0; k < 3; k++) {
                velocitiesAPerFs[3 * i + k] -= p[k] / m;
            }
        }
    }

    private static RandomGenerator copyRng(RandomGenerator r) {
        return deserializeRng(serializeRng(r));
    }

    /**
     * Serialises a generator's exact state (for checkpoints).
     *
     * @param r the generator
     * @return its bytes
     */
    public static byte[] serializeRng(RandomGenerator r) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Random generator " + r.getClass().getName() + " is not serialisable", e);
        }
    }

    /**
     * Restores a generator saved by {@link #serializeRng}.
     *
     * @param bytes the bytes
     * @return the generator, in exactly the saved state
     */
    public static RandomGenerator deserializeRng(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (RandomGenerator) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot restore random generator state: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the random generator (restoring a checkpoint).
     *
     * @param generator the generator
     */
    public void setRandom(RandomGenerator generator) {
        this.rng = Objects.requireNonNull(generator);
    }

    /**
     * The complete state for a checkpoint: atoms, masses, positions, velocities, cell, clock, the integrator's
     * variables and the exact state of the random generator, every double bit for bit.
     *
     * @return the state
     */
    @Override
    public StateMap saveState() {
        StateMap m = new StateMap();
        m.putRaw("symbols", List.of(symbols));
        m.putDoubles("masses_amu", massesAmu).putDoubles("positions_A", positionsA)
                .putDoubles("velocities_A_per_fs", velocitiesAPerFs);
        double[] rows = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rows[3 * r + c] = h.get(r, c);
            }
        }
        m.putDoubles("cell_A", rows).putRaw("pbc", List.of(pbc[0], pbc[1], pbc[2]));
        m.putLong("step", step).putDouble("time_fs", timeFs);
        StateMap vars = new StateMap();
        for (Map.Entry<String, double[]> e : variables.entrySet()) {
            vars.putDoubles(e.getKey(), e.getValue());
        }
        m.putState("variables", vars);
        m.putBytes("rng", serializeRng(rng));
        return m;
    }

    /**
     * Restores a state saved by {@link #saveState()} into this one: the same atoms (count and symbols, in order)
     * get the saved positions, velocities, masses, cell, clock, integrator variables and random generator.
     *
     * @param m the saved state
     * @throws CheckpointException if the saved state has other atoms
     */
    @Override
    public void restoreState(StateMap m) {
        String[] saved = m.getStrings("symbols").toArray(String[]::new);
        if (!Arrays.equals(saved, symbols)) {
            throw new CheckpointException("The checkpoint holds " + saved.length + " atoms (" + formula(saved)
                    + ") but this run's structure has " + symbols.length + " (" + formula(symbols) + "); resume with "
                    + "the structure the checkpointed run was started from");
        }
        MdState s = restore(m);
        System.arraycopy(s.massesAmu, 0, massesAmu, 0, massesAmu.length);
        System.arraycopy(s.positionsA, 0, positionsA, 0, positionsA.length);
        System.arraycopy(s.velocitiesAPerFs, 0, velocitiesAPerFs, 0, velocitiesAPerFs.length);
        setCell(s.cell());
        step = s.step;
        timeFs = s.timeFs;
        variables.clear();
        variables.putAll(s.variables);
        rng = s.rng;
    }

    private static String formula(String[] symbols) {
        Map<String, Integer> count = new java.util.TreeMap<>();
        for (String e : symbols) {
            count.merge(e, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        count.forEach((e, c) -> b.append(e).append(c));
        return b.toString();
    }

    /**
     * A new state from one saved by {@link #saveState()}.
     *
     * @param m the saved state
     * @return the state, identical to the saved one
     */
    @SuppressWarnings("unchecked")
    public static MdState restore(StateMap m) {
        String[] symbols = m.getStrings("symbols").toArray(String[]::new);
        List<Object> pbcList = (List<Object>) m.getRaw("pbc");
        boolean[] pbc = {Boolean.TRUE.equals(pbcList.get(0)), Boolean.TRUE.equals(pbcList.get(1)),
            Boolean.TRUE.equals(pbcList.get(2))};
        Cell cell = Cell.ofRowMajor(m.getDoubles("cell_A"), pbc);
        Map<String, double[]> vars = new LinkedHashMap<>();
        StateMap v = m.getState("variables");
        for (String key : v.toMap().keySet()) {
            vars.put(key, v.getDoubles(key));
        }
        return new MdState(symbols, m.getDoubles("masses_amu"), m.getDoubles("positions_A"),
                m.getDoubles("velocities_A_per_fs"), cell, m.getLong("step"), m.getDouble("time_fs"), vars,
                deserializeRng(m.getBytes("rng")));
    }

    @Override
    public String toString() {
        return "MdState[" + size() + " atoms, step " + step + ", t = " + timeFs + " fs, variables "
                + variables.keySet() + ", " + Arrays.toString(cell().lengthsA()) + " Å]";
    }
}
