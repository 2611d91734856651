package org.proxima.examples.cli;

import org.proxima.md.run.RunOutputs;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.proxima.core.io.Frame;
import org.proxima.core.io.StructureFiles;
import org.proxima.core.model.Structure;
import org.proxima.examples.study.BlendSettings;
import org.proxima.examples.study.StudyRun;
import org.proxima.examples.study.TargetFactory;
import org.proxima.examples.study.CheckpointSettings;
import org.proxima.examples.study.RunOutcome;
import org.proxima.examples.study.RunSpec;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proxima md}: molecular dynamics of any structure with any calculator and ensemble. */
@Command(name = "md", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run molecular dynamics and write a thermo log, a trajectory and a JSON summary.")
final class MdCommand implements Callable<Integer> {

    @Mixin
    TargetCliOptions targetOptions;

    @Mixin
    EnsembleOptions ensemble;

    @Mixin
    BlendCliOptions blending;

    @Option(names = "--step-records", paramLabel = "FILE.jsonl",
            description = "Blended runs: every step record (source, λ, UQ, threshold, error, ...) as JSON lines.")
    Path stepRecords;

    @Option(names = "--training-set", paramLabel = "FILE.extxyz",
            description = "Blended runs: every target result, appended as it is computed.")
    Path trainingSetFile;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of steps.")
    long steps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed of the initial velocities and the thermostat (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--thermo", paramLabel = "FILE.csv", description = "Thermo log (CSV).")
    Path thermo;

    @Option(names = "--thermo-every", defaultValue = "1", paramLabel = "K",
            description = "Thermo log interval, steps (default ${DEFAULT-VALUE}).")
    int thermoEvery;

    @Option(names = "--trajectory", paramLabel = "FILE.extxyz", description = "Trajectory (extended XYZ).")
    Path trajectory;

    @Option(names = "--every", defaultValue = "10", paramLabel = "K",
            description = "Trajectory interval, steps (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--summary", paramLabel = "FILE.json", description = "Summary (JSON).")
    Path summary;

    @Option(names = "--hops", description = "Detect vacancy hops every step (neighbour counts and Wigner-Seitz).")
    boolean hops;

    @Option(names = "--equilibration-steps", defaultValue = "0", paramLabel = "N",
            description = "Steps excluded from averages and max |dV/dt| (default ${DEFAULT-VALUE}).")
    long equilibrationSteps;

    @Mixin
    CheckpointCliOptions checkpoints;

    @Option(names = "--max-target-calls", paramLabel = "N",
            description = "Stop (with an error, outputs and checkpoints kept) at the N+1st target call of the run, "
                    + "resumes included: a budget for DFT.")
    Long maxTargetCalls;

    @Override
    public Integer call() {
        CalculatorSpec spec = targetOptions.spec();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--thermo", thermo);
        outputs.put("--trajectory", trajectory);
        outputs.put("--step-records", stepRecords);
        outputs.put("--training-set", trainingSetFile);
        outputs.put("--summary", summary);
        OptionChecks.files(targetOptions.inputs(spec), outputs);
        ensemble.validate();
        BlendSettings blend = blending.resolve(ensemble.isNpt());
        OptionChecks.atLeast("--steps", steps, 0);
        OptionChecks.atLeast("--equilibration-steps", equilibrationSteps, 0);
        OptionChecks.atLeast("--thermo-every", thermoEvery, 1);
        OptionChecks.atLeast("--every", every, 1);
        Frame frame = StructureFiles.readFirst(targetOptions.structure);
        Structure s = frame.structure();
        Path ckpt = checkpoints.directory();
        CheckpointSettings checkpointing = ckpt == null ? null
                : new CheckpointSettings(ckpt, checkpoints.every, checkpoints.resuming(),
                        checkpoints.allowChangedOptions);
        TargetFactory target = maxTargetCalls == null ? spec : spec.withMaxCalls(maxTargetCalls);
        RunSpec run = new RunSpec("md", () -> initialState(frame, s), ensemble::create, steps, target, blend, seed,
                equilibrationSteps, equilibrationSteps, hops, new RunOutputs(thermo, thermoEvery, trajectory, every,
                        stepRecords, trainingSetFile, summary), checkpointing, physicalOptions(s, blend));
        RunOutcome outcome;
        try (StudyProgress progress = new StudyProgress("md " + ensemble.ensemble(), steps, steps)) {
            outcome = StudyRun.run(run, progress);
        }
        print(outcome.summary());
        if (outcome.failure() != null) {
            throw new IllegalStateException(outcome.failure() + " (output written so far is kept)");
        }
        return 0;
    }

    private Map<String, Object> physicalOptions(Structure s, BlendSettings blend) {
        Map<String, Object> m = new LinkedHashMap<>(ensemble.toMap());
        m.put("structure", targetOptions.structure.toString());
        m.put("atoms", s.size());
        m.put("calculator", targetOptions.calculator);
        m.put("seed", seed);
        m.putAll(blend.toMap());
        return m;
    }

    private MdState initialState(Frame frame, Structure s) {
        if (ensemble.temperatureK() != null) {
            MdState state = MdState.of(s, seed);
            Velocities.maxwellBoltzmann(state, ensemble.temperatureK(), seed);
            return state;
        }
        return frame.velocitiesAPerFs().map(v -> MdState.of(s, v, seed)).orElseGet(() -> MdState.of(s, seed));
    }

    private static void print(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("steps", "temperature_mean_K", "pressure_mean_GPa", "volume_mean_A3", "density_g_cm3",
                "max_abs_dVdt_A3_per_fs", "conserved_drift_eV_per_atom_per_ps", "target_calls", "fraction_surrogate",
                "wall_seconds")) {
            if (m.containsKey(k)) {
                b.append(String.format("%-36s %s%n", k, m.get(k)));
            }
        }
        if (m.containsKey("hops")) {
            b.append(String.format("%-36s %s%n", "hops", m.get("hops")));
        }
        System.out.print(b);
    }
}
