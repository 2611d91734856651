package org.proxima.ipi;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxima as an i-PI client: serves any {@link ForceCalculator} (a {@code BlendingCalculator} included) to a driver
 * that owns the dynamics (ASE's {@code SocketIOCalculator}, i-PI). The driver sends cell and positions only, so the
 * elements and masses come from a template structure of the same atoms in the same order.
 *
 * <p>Each new position set received is one evaluation (for a blending calculator: one controller decision); a set
 * identical to one of the last {@value #CACHE} (drivers re-request; path-integral runs send several beads per step)
 * is answered from the cache without a second evaluation. {@link #serve} returns when the driver sends {@code EXIT}
 * or closes the connection, and fails with {@link IpiException} when the driver is silent longer than the idle
 * limit or breaks the protocol.
 */
public final class IpiClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpiClient.class);
    /** Position sets remembered for repeated requests. */
    public static final int CACHE = 8;

    private final IpiConnection connection;

    private IpiClient(IpiConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects to a driver, retrying while its socket is not there yet.
     *
     * @param address the driver's address
     * @param timeout how long to keep trying
     * @return the client
     * @throws IpiException if no driver accepts within the limit
     */
    public static IpiClient connect(IpiAddress address, Duration timeout) {
        long deadline = IpiConnection.deadline(timeout);
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(address.socketAddress());
                LOG.info("Connected to the i-PI driver at {}", address);
                return new IpiClient(new IpiConnection(ch, "i-PI driver at " + address));
            } catch (IOException e) {
                // not there yet (no socket file, connection refused): the driver may still be starting
                if (System.nanoTime() > deadline) {
                    throw new IpiException("No i-PI driver accepted a connection at " + address + " within "
                            + timeout.toSeconds() + " s (" + e.getMessage() + "); start the driver first", e);
                }
                sleep(100);
            }
        }
    }

    /** How a {@link #serve} ended. */
    public enum End {
        /** The driver sent {@code EXIT}. */
        EXIT,
        /** The driver closed the connection between messages. */
        CLOSED
    }

    /**
     * What a {@link #serve} did.
     *
     * @param positionSets {@code POSDATA} messages received
     * @param evaluations calls to the calculator (new position sets)
     * @param cacheHits position sets answered from the cache
     * @param end how it ended
     */
    public record Report(long positionSets, long evaluations, long cacheHits, End end) {
    }

    /**
     * Answers the driver until it sends {@code EXIT} or closes the connection.
     *
     * @param template the atoms (elements, masses, order) the driver moves
     * @param calculator what computes energy, forces and stress
     * @param idleTimeout how long to wait for the driver's next message
     * @return what was done
     * @throws IpiException if the driver breaks the protocol or is silent too long; calculator failures propagate
     */
    public Report serve(Structure template, ForceCalculator calculator, Duration idleTimeout) {
        Objects.requireNonNull(template, "template");
        Map<Key, CalculationResult> cache = new LinkedHashMap<>(16, 0.75f, true);
        String state = "READY";
        CalculationResult current = null;
        double volume = template.cell().volumeA3();
        long sets = 0;
        long evaluations = 0;
        long hits = 0;
        while (true) {
            long deadline = IpiConnection.deadline(idleTimeout);
            String msg;
            try {
                msg = connection.readHeader("from the driver", deadline);
            } catch (IpiException e) {
                if (e.getMessage().contains("closed the connection") && e.getMessage().contains("(0 of")) {
                    return new Report(sets, evaluations, hits, End.CLOSED);
                }
                throw e;
            }
            switch (msg) {
                case "STATUS" -> connection.flush(connection.message(state, 0), state, deadline);
                case "INIT" -> {
                    connection.readInt("the bead index of INIT", deadline);
                    int n = connection.readInt("the text length of INIT", deadline);
                    if (n < 0 || n > IpiFrames.MAX_EXTRA_BYTES) {
                        throw new IpiException(connection.peer() + " announced " + n + " bytes of INIT text");
                    }
                    connection.readBytes(n, "the text of INIT", deadline);
                }
                case "POSDATA" -> {
                    IpiFrames.Positions p = IpiFrames.readPositions(connection, template.size(), deadline);
                    sets++;
                    Key key = new Key(p.cellRowsA(), p.positionsA());
                    current = cache.get(key);
                    if (current == null) {
                        Structure s = Structure.of(Cell.ofRowMajor(p.cellRowsA(), template.cell().pbc()),
                                template.symbols(), p.positionsA(), template.massesAmu());
                        current = calculator.calculate(s);
                        evaluations++;
                        cache.put(key, current);
                        if (cache.size() > CACHE) {
                            cache.remove(cache.keySet().iterator().next());
                        }
                    } else {
                        hits++;
                    }
                    volume = Cell.ofRowMajor(p.cellRowsA(), template.cell().pbc()).volumeA3();
                    state = "HAVEDATA";
                }
                case "GETFORCE" -> {
                    if (current == null || !state.equals("HAVEDATA")) {
                        throw new IpiException(connection.peer() + " sent GETFORCE before any POSDATA");
                    }
                    IpiFrames.sendForces(connection, current.energyEv(), current.forcesEvPerA(),
                            current.has(Property.STRESS) ? current.stressEvPerA3() : null, volume, deadline);
                    state = "READY";
                }
                case "EXIT" -> {
                    return new Report(sets, evaluations, hits, End.EXIT);
                }
                default -> throw new IpiException(connection.peer() + " sent " + msg + ", which a client does not "
                        + "expect");
            }
        }
    }

    /** A position set as received, compared bit for bit. */
    private record Key(double[] cell, double[] positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(cell, k.cell) && Arrays.equals(positions, k.positions);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(cell) + Arrays.hashCode(positions);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpiException("Interrupted while connecting to the i-PI driver");
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
