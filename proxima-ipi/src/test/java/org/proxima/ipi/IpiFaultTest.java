package org.proxima.ipi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;

/**
 * Protocol faults end in a clear error within the limit, never a hang, and leave no socket file: a client that
 * dies mid-message, sends a wrong atom count, is not an i-PI peer, never answers, or claims 10⁹ atoms; a stale
 * socket file of a crashed run; a driver that never speaks to the client.
 */
class IpiFaultTest {

    private static final Structure SI8 = Crystals.diamondCubic("Si", 5.43);

    /** What a fake client does once connected. */
    @FunctionalInterface
    private interface Script {
        void run(SocketChannel ch) throws IOException;
    }

    private static CompletableFuture<Void> fakeClient(IpiAddress a, Script script) {
        return CompletableFuture.runAsync(() -> {
            try (SocketChannel ch = SocketChannel.open(a.socketAddress())) {
                script.run(ch);
            } catch (IOException e) {
                // the server hung up: expected in these tests
            }
        });
    }

    private static void send(SocketChannel ch, String header) throws IOException {
        ch.write(ByteBuffer.wrap(String.format("%-12s", header).getBytes(StandardCharsets.US_ASCII)));
    }

    private static String readHeader(SocketChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                return "";
            }
        }
        return new String(b.array(), StandardCharsets.US_ASCII).strip();
    }

    private static void skip(SocketChannel ch, int bytes) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(bytes);
        while (b.hasRemaining() && ch.read(b) >= 0) {
            // drain
        }
    }

    /** Answers STATUS READY, takes POSDATA, answers STATUS HAVEDATA, then replies to GETFORCE with {@code reply}. */
    private static Script untilGetForce(Script reply) {
        return ch -> {
            int n = SI8.size();
            readHeader(ch);
            send(ch, "READY");
            readHeader(ch);
            skip(ch, 144 + 4 + 24 * n);
            readHeader(ch);
            send(ch, "HAVEDATA");
            readHeader(ch);
            reply.run(ch);
        };
    }

    private static String failure(Script client) {
        IpiAddress a = IpiAddress.unix(IpiRoundTripTest.uniqueName("fault"));
        long t0 = System.nanoTime();
        String message;
        try (IpiCalculator server = IpiCalculator.builder(a).acceptTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(2)).build()) {
            CompletableFuture<Void> c = fakeClient(a, client);
            message = assertThrows(IpiException.class, () -> server.calculate(SI8)).getMessage();
            c.cancel(true);
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "ended within the limits");
        assertFalse(Files.exists(a.unixPath()), "socket file removed");
        return message;
    }

    @Test
    void aClientThatDiesMidMessage() {
        String m = failure(untilGetForce(ch -> {
            send(ch, "FORCEREADY");
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }));
        assertTrue(m.contains("closed the connection") && m.contains("energy of FORCEREADY"), m);
    }

    @Test
    void aWrongAtomCountAndAnAbsurdOne() {
        String m = failure(untilGetForce(ch -> {
            send(ch, "FORCEREADY");
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putDouble(-1.0).putInt(9);
            ch.write(b.flip());
        }));
        assertTrue(m.contains("sent 9 atoms") && m.contains("has 8"), m);
        String huge = failure(untilGetForce(ch -> {
            send(ch, "FORCEREADY");
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putDouble(-1.0)
                    .putInt(1_000_000_000);
            ch.write(b.flip());
        }));
        assertTrue(huge.contains("1000000000 atoms") && huge.contains("refused before allocating"), huge);
    }

    @Test
    void aPeerThatIsNotIpi() {
        String m = failure(ch -> {
            readHeader(ch);
            ch.write(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        });
        assertTrue(m.contains("not speaking the i-PI protocol") && m.contains("HTTP/1.1 200"), m);
    }

    @Test
    void aClientThatNeverAnswers() {
        String m = failure(ch -> {
            readHeader(ch);
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(m.contains("did not answer in time"), m);
    }

    @Test
    void noClientAtAllNamesHowToStartOne() {
        IpiAddress a = IpiAddress.unix(IpiRoundTripTest.uniqueName("none"));
        try (IpiCalculator server = IpiCalculator.builder(a).acceptTimeout(Duration.ofSeconds(1)).build()) {
            String m = assertThrows(IpiException.class, () -> server.calculate(SI8)).getMessage();
            assertTrue(m.contains("No i-PI client connected") && m.contains("fix 1 all ipi"), m);
        }
        assertFalse(Files.exists(a.unixPath()));
    }

    @Test
    void aStaleSocketFileIsReplacedAndALiveOneRefused() throws Exception {
        IpiAddress a = IpiAddress.unix(IpiRoundTripTest.uniqueName("stale"));
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(a.unixPath()));
        try (IpiCalculator live = IpiCalculator.builder(IpiAddress.unix(a.unixName() + "-live")).build()) {
            IpiException e = assertThrows(IpiException.class,
                    () -> IpiCalculator.builder(IpiAddress.unix(a.unixName() + "-live")).build());
            assertTrue(e.getMessage().contains("already listening"), e.getMessage());
        }
        crashed.close(); // the file stays, as after a crash
        assertTrue(Files.exists(a.unixPath()));
        try (IpiCalculator server = IpiCalculator.builder(a).acceptTimeout(Duration.ofSeconds(5)).build()) {
            CompletableFuture<IpiClient.Report> c = IpiRoundTripTest.serveInBackground(a, SI8,
                    org.proxima.md.potential.StillingerWeber.silicon());
            server.calculate(SI8);
            server.close();
            c.get();
        }
        assertFalse(Files.exists(a.unixPath()));
    }

    @Test
    void aDriverThatNeverSpeaksAndOneThatClaimsTooManyAtoms() throws Exception {
        IpiAddress a = IpiAddress.unix(IpiRoundTripTest.uniqueName("driver"));
        try (ServerSocketChannel driver = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            driver.bind(UnixDomainSocketAddress.of(a.unixPath()));
            try (IpiClient client = IpiClient.connect(a, Duration.ofSeconds(5)); SocketChannel peer = driver.accept()) {
                long t0 = System.nanoTime();
                IpiException e = assertThrows(IpiException.class, () -> client.serve(SI8,
                        org.proxima.md.potential.StillingerWeber.silicon(), Duration.ofSeconds(1)));
                assertTrue(e.getMessage().contains("did not answer in time"), e.getMessage());
                assertTrue((System.nanoTime() - t0) / 1e9 < 5);
            }
            try (IpiClient client = IpiClient.connect(a, Duration.ofSeconds(5)); SocketChannel peer = driver.accept()) {
                ByteBuffer b = ByteBuffer.allocate(12 + 144 + 4).order(ByteOrder.LITTLE_ENDIAN);
                b.put(String.format("%-12s", "POSDATA").getBytes(StandardCharsets.US_ASCII));
                for (int k = 0; k < 18; k++) {
                    b.putDouble(k % 4 == 0 ? 10.0 : 0.0);
                }
                b.putInt(1_000_000_000);
                peer.write(b.flip());
                IpiException e = assertThrows(IpiException.class, () -> client.serve(SI8,
                        org.proxima.md.potential.StillingerWeber.silicon(), Duration.ofSeconds(2)));
                assertTrue(e.getMessage().contains("refused before allocating"), e.getMessage());
            }
        } finally {
            Files.deleteIfExists(a.unixPath());
        }
    }
}
