package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.blend.StepRecordWriter;
import org.proxima.core.blend.StepSummary;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.training.TrainingSet;
import org.proxima.examples.study.BlendObservables;
import org.proxima.examples.study.BlendSettings;
import org.proxima.examples.study.HopSummary;
import org.proxima.examples.study.StudyMode;
import org.proxima.core.io.Frame;
import org.proxima.core.io.Json;
import org.proxima.core.io.StructureFiles;
import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.MdRunException;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.analysis.BlockAverage;
import org.proxima.md.analysis.NeighbourCountHopDetector;
import org.proxima.md.analysis.ThermoStatistics;
import org.proxima.md.analysis.WignerSeitzHopDetector;
import org.proxima.md.observe.ThermoLogger;
import org.proxima.md.observe.TrajectoryWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code proxima md}: molecular dynamics of any structure with any calculator and ensemble. */
@Command(name = "md", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run molecular dynamics and write a thermo log, a trajectory and a JSON summary.")
final class MdCommand implements Callable<Integer> {

    @Option(names = {"--structure", "--input"}, required = true, paramLabel = "FILE",
            description = "Start structure: extxyz (first frame), POSCAR/CONTCAR or LAMMPS data.")
    Path structure;

    @Option(names = {"--calculator", "--target"}, defaultValue = "sw", paramLabel = "SPEC",
            description = "Calculator (the target when blending): " + CalculatorSpec.FORMS
                    + " (default ${DEFAULT-VALUE}).")
    String calculator;

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

    @Override
    public Integer call() {
        CalculatorSpec spec = CalculatorSpec.parse(calculator);
        ensemble.validate();
        BlendSettings blend = blending.resolve(ensemble.isNpt());
        if (steps < 0 || thermoEvery < 1 || every < 1 || equilibrationSteps < 0) {
            throw new IllegalArgumentException("--steps and --equilibration-steps must be ≥ 0, intervals ≥ 1");
        }
        Frame frame = StructureFiles.readFirst(structure);
        Structure s = frame.structure();
        MdState state = initialState(frame, s);
        Integrator integrator = ensemble.create();
        ThermoStatistics stats = new ThermoStatistics();
        NeighbourCountHopDetector countHops = hops ? NeighbourCountHopDetector.singleDiamondVacancy(s.size()) : null;
        WignerSeitzHopDetector wsHops = null;
        if (hops) {
            try {
                wsHops = WignerSeitzHopDetector.diamondSupercell(s);
            } catch (IllegalArgumentException e) {
                System.err.println("proxima: note: " + e.getMessage() + "; reporting neighbour-count hops only");
            }
        }
        long start = System.nanoTime();
        MdRunException failure = null;
        StepSummary stepSummary = new StepSummary();
        boolean blended = blend.mode() != StudyMode.TARGET;
        try (StepRecordWriter records = blended && stepRecords != null ? StepRecordWriter.create(stepRecords, 64)
                : null;
                TrainingSet training = !blended ? null : trainingSetFile != null
                        ? TrainingSet.createFile(trainingSetFile) : TrainingSet.inMemory();
                ForceCalculator calc = blend.wrap(spec.create(s.species()), List.copyOf(s.species()), seed, training,
                        records == null ? List.of(stepSummary) : List.of(stepSummary, records))) {
            Supplier<StepRecord> last = calc instanceof BlendingCalculator bc ? bc::lastRecord : null;
            MolecularDynamics.Builder b = MolecularDynamics.builder(state, calc, integrator).observer(stats, 1);
            if (thermo != null) {
                b.observer(ThermoLogger.create(thermo, blended ? BlendObservables.thermoColumns(last) : List.of()),
                        thermoEvery);
            }
            if (trajectory != null) {
                b.observer(blended ? TrajectoryWriter.create(trajectory, BlendObservables.trajectoryInfo(last))
                        : TrajectoryWriter.create(trajectory), every);
            }
            if (countHops != null) {
                b.observer(countHops, 1);
            }
            if (wsHops != null) {
                b.observer(wsHops, 1);
            }
            ProgressObserver progress = ProgressObserver.createIfInteractive("md " + ensemble.ensemble(), steps,
                    snap -> String.format("T %.0f K", snap.temperatureK()));
            if (progress != null) {
                b.observer(progress, Math.max(1, (int) Math.min(steps / 200, 1000)));
            }
            try (MolecularDynamics md = b.build()) {
                md.run(steps);
            } catch (MdRunException e) {
                failure = e;
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Object> out = summarise(s, state, integrator, stats, countHops, wsHops, wall, failure);
        if (blended) {
            out.put("blending", blend.toMap());
            out.putAll(stepSummary.toMap(blend.errorTargetEvPerA()));
            out.put("steps", stats.size() > 0 ? (long) (stats.size() - 1) : 0L);
        }
        if (summary != null) {
            Json.writeFile(summary, out);
        }
        print(out);
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage() + " (output written so far is kept)", failure);
        }
        return 0;
    }

    private MdState initialState(Frame frame, Structure s) {
        if (ensemble.temperatureK() != null) {
            MdState state = MdState.of(s, seed);
            Velocities.maxwellBoltzmann(state, ensemble.temperatureK(), seed);
            return state;
        }
        return frame.velocitiesAPerFs().map(v -> MdState.of(s, v, seed)).orElseGet(() -> MdState.of(s, seed));
    }

    private Map<String, Object> summarise(Structure s, MdState state, Integrator integrator, ThermoStatistics stats,
            NeighbourCountHopDetector countHops, WignerSeitzHopDetector wsHops, double wall, MdRunException failure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("structure", structure.toString());
        m.put("atoms", s.size());
        m.put("calculator", calculator);
        m.put("ensemble", ensemble.ensemble());
        m.put("integrator", integrator.name());
        m.put("seed", seed);
        m.put("steps", stats.size() > 0 ? (long) (stats.size() - 1) : 0L);
        m.put("timestep_fs", ensemble.timestepFs());
        m.put("equilibration_steps", equilibrationSteps);
        m.put("degrees_of_freedom", integrator.degreesOfFreedom(state));
        if (stats.size() >= 2) {
            BlockAverage.Estimate t = stats.temperature(equilibrationSteps);
            BlockAverage.Estimate p = stats.pressure(equilibrationSteps);
            BlockAverage.Estimate v = stats.volume(equilibrationSteps);
            BlockAverage.Estimate rho = stats.density(equilibrationSteps);
            m.put("temperature_mean_K", t.mean());
            m.put("temperature_se_K", t.standardError());
            m.put("pressure_mean_GPa", p.mean());
            m.put("pressure_se_GPa", p.standardError());
            m.put("volume_mean_A3", v.mean());
            m.put("volume_se_A3", v.standardError());
            m.put("density_g_cm3", rho.mean());
            m.put("density_se", rho.standardError());
            m.put("max_abs_dVdt_A3_per_fs", stats.maxAbsVolumeRateA3PerFs(equilibrationSteps));
            m.put("conserved_drift_eV_per_atom_per_ps", stats.conservedDriftEvPerAtomPerPs(equilibrationSteps));
        }
        m.put("wall_seconds", wall);
        if (countHops != null) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("neighbour", HopSummary.toMap(countHops.statistics()));
            if (wsHops != null) {
                h.put("wigner_seitz", HopSummary.toMap(wsHops.statistics()));
            }
            m.put("hops", h);
        }
        if (failure != null) {
            m.put("stopped_at_step", failure.step());
            m.put("error", failure.getMessage());
        }
        return m;
    }

    private static void print(Map<String, Object> m) {
        StringBuilder b = new StringBuilder();
        for (String k : List.of("steps", "temperature_mean_K", "pressure_mean_GPa", "volume_mean_A3", "density_g_cm3",
                "max_abs_dVdt_A3_per_fs", "conserved_drift_eV_per_atom_per_ps", "wall_seconds")) {
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
