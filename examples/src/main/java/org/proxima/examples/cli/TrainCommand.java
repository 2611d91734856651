package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.proxima.core.io.Json;
import org.proxima.core.io.OutputFiles;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.core.surrogate.Ensembles;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.core.surrogate.TrainingReport;
import org.proxima.core.training.TrainingSet;
import org.proxima.examples.study.SurrogateKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proxima train}: fits an ensemble on frames that carry energies and forces (and stress where present), as
 * FLARE and DeePMD users train on DFT data already on disk, prints the fit report and saves the ensemble as a model
 * directory ({@code Ensembles.save}; {@code --model} of {@code md} and {@code si-vacancy} and
 * {@code evaluate --surrogate} read it).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit a surrogate ensemble on frames with energies and forces and save it as a model directory.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FRAMES.extxyz",
            description = "Training frames: extxyz with energy and forces (stress used where present).")
    Path data;

    @Option(names = "--surrogate", defaultValue = "linear", paramLabel = "nn|linear",
            description = "Ensemble (default ${DEFAULT-VALUE}).")
    String surrogate;

    @Option(names = "--epochs", defaultValue = "16", paramLabel = "E", description = "NN epochs (default "
            + "${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--training-cap", defaultValue = "0", paramLabel = "N",
            description = "Frames per member, newest kept, 0 for all (default ${DEFAULT-VALUE}).")
    int cap;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EnsembleCliOptions ensemble;

    @Option(names = "--output", required = true, paramLabel = "MODEL_DIR", description = "Model directory.")
    Path output;

    @Override
    public Integer call() {
        SurrogateKind kind = SurrogateKind.parse(surrogate);
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.atLeast("--training-cap", cap, 0);
        double lambda = ensemble.resolveOrDefault();
        OutputFiles.checkWritableDirectory(output, "--output");
        List<TrainingPoint> points = TrainingSet.read(data);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + " holds no frames");
        }
        TreeSet<String> species = new TreeSet<>();
        points.forEach(p -> species.addAll(p.structure().species()));
        EnsembleSurrogate untrained = kind.create(new ArrayList<>(species), epochs, lambda,
                ensemble.descriptorOrDefault(), seed);
        EnsembleSurrogate.Trained t;
        try {
            t = untrained.fit(points, new EnsembleSurrogate.FitOptions(1, seed, cap, 1.0));
            try (EnsembleSurrogate model = t.ensemble()) {
                Ensembles.save(model, output);
            }
        } finally {
            untrained.close();
        }
        Map<String, Object> report = report(kind, species, t.report());
        Json.writeFile(output.resolve("train-report.json"), report);
        System.out.printf("Trained a %s ensemble of %d members on %d frames (%s) in %.1f s; saved to %s%n",
                kind.label(), t.report().members().size(), points.size(), String.join(" ", species),
                t.report().wallSeconds(), output);
        for (TrainingReport.MemberReport m : t.report().members()) {
            TrainingReport.EpochMetrics e = m.last();
            if (Double.isNaN(e.trainForceMaeEvPerA())) {
                System.out.printf("  member %d: %d frames (a closed-form fit reports no errors; proxima evaluate "
                        + "--surrogate %s --input FRAMES gives them on any frames)%n", m.member(), m.trainFrames(),
                        output);
                continue;
            }
            System.out.printf("  member %d: %d train / %d validation frames, force MAE %.4f / %.4f eV/Å, energy MAE "
                    + "%.5f / %.5f eV/atom%n", m.member(), m.trainFrames(), m.validFrames(), e.trainForceMaeEvPerA(),
                    e.validForceMaeEvPerA(), e.trainEnergyMaeEvPerAtom(), e.validEnergyMaeEvPerAtom());
        }
        return 0;
    }

    private Map<String, Object> report(SurrogateKind kind, TreeSet<String> species, TrainingReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data.toString());
        m.put("surrogate", kind.label());
        m.put("species", new ArrayList<>(species));
        m.put("frames", r.points());
        m.put("seed", seed);
        m.put("wall_seconds", r.wallSeconds());
        List<Map<String, Object>> members = new ArrayList<>();
        for (TrainingReport.MemberReport mr : r.members()) {
            TrainingReport.EpochMetrics e = mr.last();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("member", mr.member());
            x.put("train_frames", mr.trainFrames());
            x.put("validation_frames", mr.validFrames());
            x.put("train_force_mae_eV_per_A", e.trainForceMaeEvPerA());
            x.put("validation_force_mae_eV_per_A", e.validForceMaeEvPerA());
            x.put("train_energy_mae_eV_per_atom", e.trainEnergyMaeEvPerAtom());
            x.put("validation_energy_mae_eV_per_atom", e.validEnergyMaeEvPerAtom());
            members.add(x);
        }
        m.put("members", members);
        return m;
    }
}
