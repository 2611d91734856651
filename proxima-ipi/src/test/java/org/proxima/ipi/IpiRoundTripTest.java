package org.proxima.ipi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.TestStructures;
import org.proxima.md.potential.StillingerWeber;

/**
 * Proxima on both ends of the wire: the server's results equal the served calculator's own, for a rotated
 * triclinic cell too (sent in LAMMPS' form and rotated back), over unix and TCP sockets.
 */
class IpiRoundTripTest {

    static String uniqueName(String tag) {
        return "proxima-test-" + tag + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
    }

    /** Serves a calculator to the address in a background thread until EXIT. */
    static CompletableFuture<IpiClient.Report> serveInBackground(IpiAddress address, Structure template,
            ForceCalculator calc) {
        return CompletableFuture.supplyAsync(() -> {
            try (IpiClient client = IpiClient.connect(address, Duration.ofSeconds(10))) {
                return client.serve(template, calc, Duration.ofSeconds(30));
            }
        });
    }

    static void assertSameResult(CalculationResult expected, CalculationResult actual, double relative) {
        assertEquals(expected.energyEv(), actual.energyEv(), relative * Math.abs(expected.energyEv()), "energy");
        double[] fe = expected.forcesEvPerA();
        double[] fa = actual.forcesEvPerA();
        double fmax = 0;
        double df = 0;
        for (int k = 0; k < fe.length; k++) {
            fmax = Math.max(fmax, Math.abs(fe[k]));
            df = Math.max(df, Math.abs(fe[k] - fa[k]));
        }
        assertTrue(df <= relative * fmax, "forces differ by " + df + " (max |F| " + fmax + ")");
        double[] se = expected.stressEvPerA3();
        double[] sa = actual.stressEvPerA3();
        double smax = 0;
        double ds = 0;
        for (int k = 0; k < 6; k++) {
            smax = Math.max(smax, Math.abs(se[k]));
            ds = Math.max(ds, Math.abs(se[k] - sa[k]));
        }
        assertTrue(ds <= relative * smax, "stress differs by " + ds + " (max |σ| " + smax + ")");
    }

    private void roundTrip(IpiAddress address) throws Exception {
        Random rng = new Random(7);
        Structure cubic = TestStructures.rattle(Crystals.diamondVacancy("Si", 5.43), 0.1, rng);
        Structure triclinic = TestStructures.randomTriclinic(TestStructures.rattle(
                TestStructures.diamond("Si", 5.43, 2), 0.1, rng), 0.08, rng);
        StillingerWeber sw = StillingerWeber.silicon();
        try (IpiCalculator server = IpiCalculator.builder(address).acceptTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(10)).build()) {
            if (address.isUnix()) {
                assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        Files.getPosixFilePermissions(address.unixPath()), "owner-only socket");
            }
            CompletableFuture<IpiClient.Report> client = serveInBackground(address, cubic, StillingerWeber.silicon());
            assertSameResult(sw.calculate(cubic), server.calculate(cubic), 1e-12);
            assertSameResult(sw.calculate(cubic), server.calculate(cubic), 1e-12); // repeated: from the cache
            Structure moved = TestStructures.rattle(cubic, 0.02, rng);
            assertSameResult(sw.calculate(moved), server.calculate(moved), 1e-12);
            server.close();
            IpiClient.Report r = client.get(10, TimeUnit.SECONDS);
            assertEquals(new IpiClient.Report(3, 2, 1, IpiClient.End.EXIT), r);
        }
        if (address.isUnix()) {
            assertFalse(Files.exists(address.unixPath()), "socket file removed");
        }
        IpiAddress again = address.isUnix() ? IpiAddress.unix(address.unixName() + "-t") : address;
        try (IpiCalculator server = IpiCalculator.builder(again).acceptTimeout(Duration.ofSeconds(10)).build()) {
            CompletableFuture<IpiClient.Report> client = serveInBackground(again, triclinic,
                    StillingerWeber.silicon());
            assertSameResult(sw.calculate(triclinic), server.calculate(triclinic), 1e-12);
            server.close();
            assertEquals(1, client.get(10, TimeUnit.SECONDS).evaluations());
        }
    }

    @Test
    void unixSocketRoundTripEqualsTheCalculatorItself() throws Exception {
        roundTrip(IpiAddress.unix(uniqueName("rt")));
    }

    @Test
    void tcpRoundTripEqualsTheCalculatorItself() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        roundTrip(IpiAddress.loopback(port));
    }

    @Test
    void addressesParseAndTcpDefaultsToLoopback() {
        assertEquals(IpiAddress.unix("abc"), IpiAddress.parse("unix:abc"));
        assertEquals("127.0.0.1", IpiAddress.parse("31415").host());
        assertEquals(new IpiAddress(null, "0.0.0.0", 3000), IpiAddress.parse("0.0.0.0:3000"));
        assertTrue(assertThrowsMessage(() -> IpiAddress.parse("unix:a/b")).contains("plain name"));
        assertTrue(assertThrowsMessage(() -> IpiAddress.parse("host:x")).contains("neither"));
        assertTrue(assertThrowsMessage(() -> IpiAddress.parse("70000")).contains("1 to 65535"));
    }

    private static String assertThrowsMessage(Runnable r) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
