package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.Frame;
import org.proxima.core.io.Json;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.ExternalTool;
import org.proxima.core.training.TrainingSet;
import org.proxima.ipi.IpiAddress;
import org.proxima.ipi.IpiClient;
import org.proxima.md.potential.StillingerWeber;

/**
 * i-PI from the command line: ASE's velocity Verlet (Debian's python3-ase, {@code SocketIOCalculator}) driving
 * {@code proxima serve} for 500 steps, target-only (energies and forces equal SW on ASE's own frames; total energy
 * conserved) and blended (step records, training set and target calls consistent with the steps ASE took); and
 * {@code proxima md} and {@code evaluate} with an {@code ipi:} target.
 */
class ServeCommandTest {

    private static final int STEPS = 500;

    @TempDir
    Path dir;

    private static String name(String tag) {
        return "proxima-cli-" + tag + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100000;
    }

    /** Starts ASE's MD as the i-PI server; returns the process. */
    private Process aseDriver(String python, String name, Path energies, Path frames) throws Exception {
        Path script = dir.resolve("md_driver.py");
        if (!Files.exists(script)) {
            try (InputStream in = getClass().getResourceAsStream("/ase/md_driver.py")) {
                Files.copy(in, script);
            }
        }
        return new ProcessBuilder(python, script.toString(), CliFixtures.si63(dir).toString(), name,
                energies.toString(), Integer.toString(STEPS), frames.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private CliRun serve(String python, String tag, String... more) throws Exception {
        String name = name(tag);
        Process ase = aseDriver(python, name, dir.resolve(tag + "-energies.txt"), dir.resolve(tag + "-frames.extxyz"));
        List<String> args = new ArrayList<>(List.of("serve", "--ipi", "unix:" + name, "--structure",
                CliFixtures.si63(dir).toString(), "--calculator", "sw", "--connect-timeout", "60"));
        args.addAll(List.of(more));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertTrue(ase.waitFor(120, TimeUnit.SECONDS), "ASE finished");
        assertEquals(0, ase.exitValue(), Files.readString(dir.resolve(name + ".out")));
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aseDrivesProximaTargetOnlyAndBlended() throws Exception {
        String python = ExternalTool.pythonWithAse();
        Path summary = dir.resolve("summary.json");
        serve(python, "target", "--summary", summary.toString());
        Map<String, Object> s = (Map<String, Object>) Json.readFile(summary);
        assertEquals((long) STEPS + 1, s.get("evaluations"), "one evaluation per ASE force call: " + s);
        assertTrue(List.of("EXIT", "driver closed the connection").contains(s.get("ended_by")), s.toString());
        // what ASE received equals SW on ASE's own positions
        StillingerWeber sw = StillingerWeber.silicon();
        for (Frame f : ExtXyzReader.readAll(dir.resolve("target-frames.extxyz"))) {
            CalculationResult ours = sw.calculate(f.structure());
            assertEquals(ours.energyEv(), f.result().energyEv(), 1e-7 * Math.abs(ours.energyEv()));
            double[] a = ours.forcesEvPerA();
            double[] b = f.result().forcesEvPerA();
            for (int k = 0; k < a.length; k++) {
                assertEquals(a[k], b[k], 1e-7 * 5, "force " + k);
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("target-energies.txt"));
        assertEquals(STEPS + 1, lines.size());
        double e0 = Double.parseDouble(lines.get(0).split(" ")[1]);
        double excursion = 0;
        for (String l : lines) {
            excursion = Math.max(excursion, Math.abs(Double.parseDouble(l.split(" ")[1]) - e0));
        }
        // the same conservation as Proxima's own velocity Verlet at the same temperature and time step
        Path nve = dir.resolve("nve.csv");
        assertEquals(0, CliRun.of("md", "--structure", CliFixtures.si63(dir).toString(), "--ensemble", "nve",
                "--temperature", "1000", "--steps", Integer.toString(STEPS), "--thermo", nve.toString()).exitCode());
        List<String> own = Files.readAllLines(nve);
        double own0 = Double.parseDouble(own.get(1).split(",")[4]);
        double ownExcursion = 0;
        for (String l : own.subList(1, own.size())) {
            ownExcursion = Math.max(ownExcursion, Math.abs(Double.parseDouble(l.split(",")[4]) - own0));
        }
        assertTrue(excursion < 2 * ownExcursion, "ASE's total energy moves by " + excursion + " eV over " + STEPS
                + " steps, Proxima's own NVE by " + ownExcursion + " eV");

        Path records = dir.resolve("steps.jsonl");
        Path training = dir.resolve("training.extxyz");
        serve(python, "blend", "--mode", "blend", "--surrogate", "linear", "--error-target", "0.32",
                "--retrain-interval", "32", "--step-records", records.toString(), "--training-set",
                training.toString(), "--summary", summary.toString());
        Map<String, Object> b = (Map<String, Object>) Json.readFile(summary);
        List<String> recs = Files.readAllLines(records);
        assertEquals(((Number) b.get("evaluations")).longValue(), recs.size(), "one record per decision");
        assertEquals(((Number) b.get("position_sets")).longValue(),
                ((Number) b.get("evaluations")).longValue() + ((Number) b.get("cache_hits")).longValue());
        assertEquals((long) STEPS + 1, b.get("evaluations"));
        Map<String, Object> first = (Map<String, Object>) Json.parse(recs.get(0));
        assertTrue(String.valueOf(first.get("event")).contains("i-PI driver, which owns the dynamics"), recs.get(0));
        Map<String, Object> last = (Map<String, Object>) Json.parse(recs.get(recs.size() - 1));
        long calls = ((Number) ((Map<String, Object>) b.get("blend")).get("target_calls")).longValue();
        assertEquals(calls, ((Number) last.get("target_calls")).longValue());
        assertEquals(calls, TrainingSet.read(training).size(), "every target call is in the training set");
        assertTrue(calls < STEPS, "the surrogate took over some steps: " + calls + " target calls");
    }

    @Test
    void mdAndEvaluateTakeAnIpiTarget() throws Exception {
        Structure s = ExtXyzReader.readFirst(CliFixtures.si63(dir)).structure();
        String name = name("md");
        CompletableFuture<IpiClient.Report> client = CompletableFuture.supplyAsync(() -> {
            try (IpiClient c = IpiClient.connect(IpiAddress.unix(name), Duration.ofSeconds(30))) {
                return c.serve(s, StillingerWeber.silicon(), Duration.ofSeconds(30));
            }
        });
        Path viaIpi = dir.resolve("ipi.csv");
        Path direct = dir.resolve("sw.csv");
        List<String> common = List.of("md", "--structure", CliFixtures.si63(dir).toString(), "--ensemble", "nve",
                "--temperature", "900", "--steps", "30", "--seed", "2");
        List<String> a = new ArrayList<>(common);
        a.addAll(List.of("--calculator", "ipi:unix:" + name, "--thermo", viaIpi.toString()));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(IpiClient.End.EXIT, client.get(30, TimeUnit.SECONDS).end());
        List<String> b = new ArrayList<>(common);
        b.addAll(List.of("--calculator", "sw", "--thermo", direct.toString()));
        assertEquals(0, CliRun.of(b.toArray(String[]::new)).exitCode());
        List<String> x = Files.readAllLines(viaIpi);
        List<String> y = Files.readAllLines(direct);
        assertEquals(y.size(), x.size());
        for (int k = 1; k < x.size(); k++) {
            double ex = Double.parseDouble(x.get(k).split(",")[4]);
            double ey = Double.parseDouble(y.get(k).split(",")[4]);
            assertEquals(ey, ex, 1e-9, "total energy at line " + k);
        }
        CliRun study = CliRun.of("si-vacancy", "npt", "--target", "ipi:unix:x", "--output", dir.resolve("s")
                .toString());
        assertEquals(1, study.exitCode());
        assertTrue(study.err().contains("serves one run at a time"), study.err());
    }
}
