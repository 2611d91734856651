package org.proxima.ipi;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.ejml.data.DMatrix3x3;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.calc.Voigt;
import org.proxima.core.model.CellOrientation;
import org.proxima.core.model.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any i-PI client as the target: LAMMPS ({@code fix ipi}), ASE's {@code SocketClient} around any ASE calculator,
 * CP2K, Quantum ESPRESSO, DeePMD's {@code dp_ipi}, ... Proxima listens (from {@link Builder#build()} on, so the
 * client can be started at once), waits for one client at the first evaluation, and then per evaluation asks
 * {@code STATUS} (answering {@code NEEDINIT} with {@code INIT}), sends {@code POSDATA}, and reads {@code FORCEREADY}:
 * energy, forces and the stress −W/V from the virial.
 *
 * <p>Every cell is sent rotated to LAMMPS' restricted triclinic form (a along x, b in the xy plane), which
 * {@code fix ipi} needs and any other client accepts, and the forces and stress are rotated back. Faults (a client
 * that disconnects, sends a wrong atom count or something that is not i-PI, or does not answer within the limit)
 * raise {@link IpiException} naming the peer and the message; the connection is then dropped and the next
 * evaluation waits for a new client. Under a {@code BlendingCalculator} a failed call changes nothing, like any
 * target failure. {@link #close()} sends {@code EXIT} and removes the socket file. Not thread-safe.
 */
public final class IpiCalculator implements ForceCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(IpiCalculator.class);

    private final IpiListener listener;
    private final Duration acceptTimeout;
    private final Duration callTimeout;
    private final String hint;
    private IpiConnection connection;
    private int atoms = -1;
    private long evaluations;

    private IpiCalculator(Builder b) {
        this.acceptTimeout = b.acceptTimeout;
        this.callTimeout = b.callTimeout;
        this.hint = b.address.isUnix()
                ? "LAMMPS 'fix 1 all ipi " + b.address.unixName() + " 0 unix' or ASE "
                        + "'SocketClient(unixsocket=\"" + b.address.unixName() + "\").run(atoms, use_stress=True)'"
                : "LAMMPS 'fix 1 all ipi " + b.address.host() + " " + b.address.port() + "' or ASE "
                        + "'SocketClient(host=\"" + b.address.host() + "\", port=" + b.address.port() + ")"
                        + ".run(atoms, use_stress=True)'";
        this.listener = IpiListener.open(b.address);
    }

    /**
     * @param address where to listen for the client
     * @return a builder (client wait 10 min, 1 h per evaluation)
     */
    public static Builder builder(IpiAddress address) {
        return new Builder(address);
    }

    @Override
    public Set<Property> implementedProperties() {
        return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
    }

    @Override
    public String describe() {
        return "i-PI client at " + listener.address();
    }

    /** @return evaluations answered so far */
    public long evaluations() {
        return evaluations;
    }

    @Override
    public CalculationResult calculate(Structure structure) {
        if (atoms >= 0 && structure.size() != atoms) {
            throw new IllegalArgumentException("The i-PI client was given " + atoms + " atoms but this structure has "
                    + structure.size() + "; use one calculator per system");
        }
        if (connection == null) {
            connection = listener.accept(acceptTimeout, hint);
        }
        try {
            CalculationResult r = evaluate(structure);
            atoms = structure.size();
            evaluations++;
            return r;
        } catch (RuntimeException e) {
            LOG.warn("i-PI evaluation failed ({}); dropping the connection, the next evaluation waits for a new "
                    + "client", e.getMessage());
            connection.close();
            connection = null;
            throw e;
        }
    }

    private CalculationResult evaluate(Structure s) {
        long deadline = IpiConnection.deadline(callTimeout);
        String status = status(deadline);
        if (status.equals("NEEDINIT")) {
            java.nio.ByteBuffer b = connection.message("INIT", 4 + 4 + 1);
            b.putInt(0).putInt(1).put((byte) 0); // bead 0, one zero byte of init text
            connection.flush(b, "INIT", deadline);
            status = status(deadline);
        }
        if (!status.equals("READY")) {
            throw new IpiException(connection.peer() + " answered " + status + " to STATUS before POSDATA "
                    + "(expected READY)");
        }
        DMatrix3x3 q = CellOrientation.lowerTriangular(s.cell());
        double[] rows = new double[9];
        DMatrix3x3 h = new DMatrix3x3();
        CommonOps_DDF3.mult(s.cell().matrix(), q, h);
        for (int i = 0; i < 9; i++) {
            rows[i] = h.get(i / 3, i % 3);
        }
        double[] x = s.positionsA();
        CellOrientation.rotate(x, q);
        IpiFrames.sendPositions(connection, rows, x, deadline);
        while ((status = status(deadline)).equals("READY")) {
            sleepBriefly(); // still computing (clients that answer STATUS while busy)
        }
        if (!status.equals("HAVEDATA")) {
            throw new IpiException(connection.peer() + " answered " + status + " after POSDATA (expected HAVEDATA)");
        }
        connection.flush(connection.message("GETFORCE", 0), "GETFORCE", deadline);
        String reply = connection.readHeader("after GETFORCE", deadline);
        if (!reply.equals("FORCEREADY")) {
            throw new IpiException(connection.peer() + " answered " + reply + " to GETFORCE (expected FORCEREADY)");
        }
        IpiFrames.Forces f = IpiFrames.readForces(connection, s.size(), deadline);
        return toLab(f, q, s.cell().volumeA3());
    }

    private String status(long deadline) {
        connection.flush(connection.message("STATUS", 0), "STATUS", deadline);
        return connection.readHeader("after STATUS", deadline);
    }

    /** Forces f = f'·Qᵀ and stress σ = Q σ' Qᵀ back in the structure's own orientation. */
    private static CalculationResult toLab(IpiFrames.Forces f, DMatrix3x3 q, double volumeA3) {
        DMatrix3x3 qt = new DMatrix3x3();
        CommonOps_DDF3.transpose(q, qt);
        double[] forces = f.forcesEvPerA();
        CellOrientation.rotate(forces, qt);
        double[] nine = Voigt.toRowMajor(f.stressEvPerA3(volumeA3));
        DMatrix3x3 sigma = new DMatrix3x3(nine[0], nine[1], nine[2], nine[3], nine[4], nine[5], nine[6], nine[7],
                nine[8]);
        DMatrix3x3 tmp = new DMatrix3x3();
        CommonOps_DDF3.mult(q, sigma, tmp);
        CommonOps_DDF3.mult(tmp, qt, sigma);
        double[] lab = new double[9];
        for (int i = 0; i < 9; i++) {
            lab[i] = sigma.get(i / 3, i % 3);
        }
        return CalculationResult.of(f.energyEv(), forces, Voigt.fromRowMajor(lab));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpiException("Interrupted while waiting for the i-PI client");
        }
    }

    /** Sends {@code EXIT} to a connected client (best effort), closes the connection and the socket. */
    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.flush(connection.message("EXIT", 0), "EXIT", IpiConnection.deadline(Duration.ofSeconds(1)));
            } catch (IpiException e) {
                LOG.debug("EXIT not delivered: {}", e.getMessage());
            }
            connection.close();
            connection = null;
        }
        listener.close();
    }

    /** Options of an {@link IpiCalculator}. */
    public static final class Builder {
        private final IpiAddress address;
        private Duration acceptTimeout = Duration.ofMinutes(10);
        private Duration callTimeout = Duration.ofHours(1);

        private Builder(IpiAddress address) {
            this.address = Objects.requireNonNull(address, "address");
        }

        /**
         * @param value how long the first evaluation waits for a client to connect (default 10 min)
         * @return this
         */
        public Builder acceptTimeout(Duration value) {
            this.acceptTimeout = positive(value, "Client wait");
            return this;
        }

        /**
         * @param value limit for one evaluation, from STATUS to the last byte of FORCEREADY (default 1 h)
         * @return this
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = positive(value, "Evaluation limit");
            return this;
        }

        private static Duration positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return d;
        }

        /**
         * Starts listening (so the client can connect before the first evaluation).
         *
         * @return the calculator
         * @throws IpiException if the address is in use or cannot be bound
         */
        public IpiCalculator build() {
            return new IpiCalculator(this);
        }
    }
}
