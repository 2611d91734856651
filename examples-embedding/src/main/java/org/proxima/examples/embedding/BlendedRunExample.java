package org.proxima.examples.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.BlendingCalculatorBuilder;
import org.proxima.core.io.Json;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.Bussi;
import org.proxima.md.integrate.MelchionnaNpt;
import org.proxima.md.potential.StillingerWeber;
import org.proxima.md.run.BlendedRun;
import org.proxima.md.run.RunOutputs;
import org.proxima.md.run.RunResult;
import org.proxima.surrogate.linear.LinearEnsemble;

/**
 * A blended MD run that the library owns, start to end: build a structure, draw Maxwell–Boltzmann velocities, and
 * run PROXIMA+BLEND with checkpoints, once thermostatted (Bussi, NVT) and once at constant pressure (Melchionna
 * NPT); then read the step records. Stillinger–Weber stands in for DFT and the pure-Java linear ensemble is the
 * surrogate, so this compiles against proxima-core, proxima-md and proxima-surrogate alone. Copy it and replace the
 * target by yours. Run it with
 * {@code java -cp examples-embedding/target/classes:... org.proxima.examples.embedding.BlendedRunExample DIR}
 * (README.md gives the Maven command).
 */
public final class BlendedRunExample {

    private BlendedRunExample() {
    }

    /**
     * What one run did.
     *
     * @param result how the run ended
     * @param records its step records, read back from the JSON-lines file
     */
    public record Outcome(RunResult result, List<Map<String, Object>> records) {
    }

    /**
     * The calculator: the target, an untrained ensemble and the controller's bound.
     *
     * @param species element symbols
     * @param seed seed of the audits and the fits
     * @return the builder (the run adds its training set and step-record listeners, then builds it)
     */
    static BlendingCalculatorBuilder calculator(List<String> species, long seed) {
        return BlendingCalculator.builder(StillingerWeber.silicon(), LinearEnsemble.untrained(species, 2, seed))
                .errorTarget(0.32)                          // ε_target, eV/Å (the SW operating point)
                .blendSteps(10)                             // n: cosine blend over 10 steps
                .auditProbability(0.2)                      // the paper's audits
                .retrainInterval(64)                        // refit every 64 new target results
                .seed(seed);
    }

    /**
     * Runs (or, when a checkpoint is there, continues) one blended run.
     *
     * @param dir where its files and checkpoints go
     * @param integrator the integrator
     * @param temperatureK temperature of the initial velocities, K
     * @param steps total steps
     * @param seed seed of velocities, thermostat, audits and fits
     * @return what it did
     */
    public static Outcome run(Path dir, Integrator integrator, double temperatureK, long steps, long seed) {
        Structure si = Crystals.diamondVacancy("Si", 5.43);            // 63 atoms
        MdState state = MdState.of(si, seed);                         // the thermostat's RNG is seeded too
        Velocities.maxwellBoltzmann(state, temperatureK, seed);
        RunResult result = BlendedRun.builder(state, integrator)
                .blending(calculator(List.copyOf(si.species()), seed))
                .outputs(new RunOutputs(dir.resolve("thermo.csv"), 1, dir.resolve("trajectory.extxyz"), 50,
                        dir.resolve("steps.jsonl"), dir.resolve("training.extxyz"), dir.resolve("summary.json")))
                .checkpoint(dir.resolve("checkpoints"), 200)     // every 200 steps and at the end
                .resume(true)                                    // continue from the newest checkpoint, if any
                .name(dir.getFileName().toString())
                .build()
                .run(steps);
        return new Outcome(result, readRecords(dir.resolve("steps.jsonl")));
    }

    /**
     * Reads step records (one JSON object per line: step, source, lambda, uq_eV_per_A, threshold_eV_per_A,
     * target_calls, blend_work_eV, ...).
     *
     * @param file the JSON-lines file
     * @return the records
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readRecords(Path file) {
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                out.add((Map<String, Object>) Json.parse(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** @return the thermostatted integrator: Bussi at 1573 K, τ 25 fs, 1 fs */
    static Integrator nvt() {
        return Bussi.of(1.0, 1573, 25);
    }

    /** @return the NPT integrator: Melchionna (ASE's NPT) at 800 K and 0 GPa, diagonal strain */
    static Integrator npt() {
        return MelchionnaNpt.builder(1.0, 800).ttimeFs(25).barostat(25, 98).pressureGpa(0)
                .mask(BarostatMask.DIAGONAL).build();
    }

    /**
     * @param args the output directory (default {@code blended-run-example})
     */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "blended-run-example");
        Outcome nvt = run(root.resolve("nvt"), nvt(), 1573, 1000, 1);
        Outcome npt = run(root.resolve("npt"), npt(), 800, 1000, 2);
        for (Outcome o : List.of(nvt, npt)) {
            Map<String, Object> last = o.records().get(o.records().size() - 1);
            System.out.printf("%s: %d steps, %s target calls, last step from %s (λ = %s); files in %s%n",
                    o.result().name(), o.result().state().step(), last.get("target_calls"), last.get("source"),
                    last.get("lambda"), root.resolve(o.result().name()));
        }
    }
}
