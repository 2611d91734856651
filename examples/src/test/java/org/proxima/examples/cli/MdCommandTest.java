package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.io.Json;
import org.proxima.core.model.Crystals;

class MdCommandTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return ProximaCli.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Path vacancyCell() {
        Path p = dir.resolve("si63.extxyz");
        ExtXyzWriter.writeAll(p, List.of(Frame.of(Crystals.diamondVacancy("Si", 5.43))));
        return p;
    }

    @Test
    void nptRunWritesThermoTrajectoryAndSummary() throws Exception {
        Path in = vacancyCell();
        Path thermo = dir.resolve("out/thermo.csv");
        Path traj = dir.resolve("out/traj.extxyz");
        Path summary = dir.resolve("out/summary.json");
        int code = run("md", "--structure", in.toString(), "--calculator", "sw", "--ensemble", "npt", "--temperature",
                "800", "--steps", "200", "--seed", "3", "--thermo", thermo.toString(), "--trajectory", traj.toString(),
                "--every", "50", "--summary", summary.toString(), "--hops", "--equilibration-steps", "50");
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(thermo);
        assertEquals(202, lines.size());
        assertTrue(lines.get(0).contains("volume_A3") && lines.get(0).contains("pressure_GPa"));
        List<Frame> frames = ExtXyzReader.readAll(traj);
        assertEquals(5, frames.size());
        assertEquals(150L, frames.get(3).info().get("step"));
        assertEquals(150.0, frames.get(3).info().get("time_fs"));
        assertTrue(frames.get(3).velocitiesAPerFs().isPresent() && frames.get(3).result().has(
                org.proxima.core.calc.Property.STRESS));
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) Json.readFile(summary);
        for (String key : List.of("steps", "timestep_fs", "temperature_mean_K", "pressure_mean_GPa", "volume_mean_A3",
                "density_g_cm3", "density_se_g_cm3", "max_abs_dVdt_A3_per_fs", "conserved_drift_eV_per_atom_per_ps",
                "wall_seconds", "hops")) {
            assertTrue(s.containsKey(key), "summary lacks " + key + ": " + s.keySet());
        }
        assertEquals(200L, s.get("steps"));
        assertEquals(186L, s.get("degrees_of_freedom"));
        @SuppressWarnings("unchecked")
        Map<String, Object> hops = (Map<String, Object>) s.get("hops");
        assertTrue(hops.containsKey("neighbour_count") && hops.containsKey("wigner_seitz"));
        @SuppressWarnings("unchecked")
        Map<String, Object> ws = (Map<String, Object>) hops.get("wigner_seitz");
        List<?> times = (List<?>) ws.get("hop_times_fs");
        assertEquals(((Number) ws.get("hops")).intValue(), times.size(), "one time per hop: " + ws);
        for (Object t : times) {
            double fs = ((Number) t).doubleValue();
            assertTrue(fs > 0 && fs <= 200, "hop time outside the run: " + fs + " fs");
        }
    }

    @Test
    void everyEnsembleRuns() {
        Path in = vacancyCell();
        for (String e : List.of("nve", "langevin", "bussi", "nhc", "berendsen-nvt", "berendsen-npt", "npt",
                "npt-mtk")) {
            assertEquals(0, run("md", "--structure", in.toString(), "--ensemble", e, "--temperature", "600",
                    "--steps", "20"), e);
        }
        assertEquals(0, run("md", "--structure", in.toString(), "--ensemble", "npt-mtk", "--isotropic",
                "--temperature", "600", "--steps", "20"));
    }

    @Test
    void badOptionsFailBeforeWork() {
        Path in = vacancyCell();
        assertEquals(1, run("md", "--structure", in.toString(), "--ensemble", "nvt-magic", "--temperature", "300",
                "--steps", "10"));
        assertEquals(1, run("md", "--structure", in.toString(), "--ensemble", "bussi", "--steps", "10"));
        assertEquals(1, run("md", "--structure", in.toString(), "--ensemble", "npt", "--temperature", "300",
                "--mask", "1,1,1", "--steps", "10"));
        assertEquals(1, run("md", "--structure", in.toString(), "--timestep", "-1", "--steps", "10"));
        assertEquals(1, run("md", "--structure", in.toString(), "--ensemble", "bussi", "--temperature", "300",
                "--ttime", "0", "--steps", "10"));
    }
}
