package org.proxima.ipi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.ExternalTool;
import org.proxima.core.testing.TestStructures;
import org.proxima.md.potential.LennardJones;

/**
 * An ASE calculator as the target through {@code ase.calculators.socketio.SocketClient}: ASE's Lennard-Jones
 * (energy shifted at the cutoff, as ours) equals Proxima's own to 1e-7 (ASE converts with CODATA 2014).
 */
class AseTargetTest {

    @TempDir
    Path dir;

    @Test
    void aseLennardJonesThroughSocketClientEqualsOurs() throws Exception {
        String python = ExternalTool.pythonWithAse();
        Random rng = new Random(3);
        Structure s = TestStructures.rattle(Crystals.diamondVacancy("Si", 5.43), 0.1, rng);
        Structure other = TestStructures.randomTriclinic(TestStructures.rattle(s, 0.05, rng), 0.05, rng);
        Path file = dir.resolve("start.extxyz");
        ExtXyzWriter.writeAll(file, List.of(Frame.of(s)));
        Path script = dir.resolve("lj_client.py");
        try (InputStream in = getClass().getResourceAsStream("/ase/lj_client.py")) {
            Files.copy(in, script);
        }
        double eps = 0.5;
        double sigma = 2.1;
        double rc = 4.5;
        String name = IpiRoundTripTest.uniqueName("ase");
        LennardJones ours = LennardJones.uniform(eps, sigma, rc, List.of("Si"));
        Process client = null;
        try (IpiCalculator server = IpiCalculator.builder(IpiAddress.unix(name)).acceptTimeout(Duration.ofSeconds(60))
                .callTimeout(Duration.ofSeconds(60)).build()) {
            client = new ProcessBuilder(python, script.toString(), file.toString(), name, Double.toString(eps),
                    Double.toString(sigma), Double.toString(rc)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("client.out").toFile()).start();
            for (Structure x : List.of(s, other)) {
                IpiRoundTripTest.assertSameResult(ours.calculate(x), server.calculate(x), 1e-7);
            }
        } finally {
            if (client != null && !client.waitFor(30, TimeUnit.SECONDS)) {
                client.destroyForcibly();
            }
        }
        assertEquals(0, client.exitValue(), "ASE's client ends cleanly on EXIT: " + Files.readString(
                dir.resolve("client.out")));
    }
}
