package org.proxima.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.proxima.core.blend.BlendOutputs;
import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.io.Json;
import org.proxima.core.io.StructureFiles;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.EnsembleSurrogate;
import org.proxima.examples.study.BlendSettings;
import org.proxima.ipi.IpiAddress;
import org.proxima.ipi.IpiClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proxima serve}: Proxima as an i-PI client. Connects to a driver that owns the dynamics (ASE's
 * {@code SocketIOCalculator}, i-PI) and answers every position set with the target's or the blended result; one
 * controller decision per new position set, repeated sets from the cache. Writes step records, the training set and
 * a summary like {@code proxima md}; exits 0 when the driver sends EXIT or closes the connection.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve target or blended forces to an i-PI driver (ASE SocketIOCalculator, i-PI).")
final class ServeCommand implements Callable<Integer> {

    /** The note in the first step record: whose dynamics these are. */
    static final String DRIVER_NOTE = "positions from an i-PI driver, which owns the dynamics: step = index of the "
            + "position set received; no Proxima checkpoint of the MD state";

    @Option(names = "--ipi", required = true, paramLabel = "ADDRESS",
            description = "The driver: unix:NAME (socket /tmp/ipi_NAME) or HOST:PORT.")
    String ipi;

    @Mixin
    TargetCliOptions targetOptions;

    @Mixin
    BlendCliOptions blending;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of audits and trainings (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--step-records", paramLabel = "FILE.jsonl", description = "Blended: every step record.")
    Path stepRecords;

    @Option(names = "--training-set", paramLabel = "FILE.extxyz", description = "Blended: every target result.")
    Path trainingSetFile;

    @Option(names = "--summary", paramLabel = "FILE.json", description = "Summary (JSON).")
    Path summary;

    @Option(names = "--connect-timeout", defaultValue = "60", paramLabel = "S",
            description = "Seconds to keep trying to reach the driver (default ${DEFAULT-VALUE}).")
    double connectSeconds;

    @Option(names = "--idle-timeout", defaultValue = "600", paramLabel = "S",
            description = "Seconds the driver may stay silent between messages (default ${DEFAULT-VALUE}).")
    double idleSeconds;

    @Override
    public Integer call() {
        IpiAddress address = IpiAddress.parse(ipi);
        CalculatorSpec spec = targetOptions.spec();
        OptionChecks.positive("--connect-timeout", connectSeconds);
        OptionChecks.positive("--idle-timeout", idleSeconds);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("--step-records", stepRecords);
        files.put("--training-set", trainingSetFile);
        files.put("--summary", summary);
        OptionChecks.files(targetOptions.inputs(spec), files);
        BlendSettings blend = blending.resolve(false);
        Structure template = StructureFiles.readFirst(targetOptions.structure).structure();
        long t0 = System.nanoTime();
        ForceCalculator target = spec.create(template.species());
        try (BlendOutputs outputs = blend.mode().blended() ? BlendOutputs.create(stepRecords, trainingSetFile) : null;
                ForceCalculator calc = outputs == null ? target : outputs.attachTo(blend.builder(target,
                        ensemble(blend, template), seed).initialData(blend.start().points(template))
                        .firstRecordNote(DRIVER_NOTE)).build();
                IpiClient client = IpiClient.connect(address, seconds(connectSeconds))) {
            IpiClient.Report r = client.serve(template, calc, seconds(idleSeconds));
            Map<String, Object> m = summary(spec, blend, template, r, calc, outputs, (System.nanoTime() - t0) / 1e9);
            if (summary != null) {
                Json.writeFile(summary, m);
            }
            System.out.printf("Served %d position sets (%d evaluations, %d from the cache) to the i-PI driver at %s; "
                    + "it %s%n", r.positionSets(), r.evaluations(), r.cacheHits(), address,
                    r.end() == IpiClient.End.EXIT ? "sent EXIT" : "closed the connection");
            return 0;
        }
    }

    private static EnsembleSurrogate ensemble(BlendSettings blend, Structure template) {
        return blend.start().ensemble(blend.surrogate(), List.copyOf(template.species()), blend.plan(), 1);
    }

    private Map<String, Object> summary(CalculatorSpec spec, BlendSettings blend, Structure template,
            IpiClient.Report r, ForceCalculator calc, BlendOutputs outputs, double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "serve");
        m.put("driver", ipi);
        m.put("dynamics", DRIVER_NOTE);
        m.put("atoms", template.size());
        m.put("target", spec.text());
        m.putAll(blend.toMap());
        m.put("position_sets", r.positionSets());
        m.put("evaluations", r.evaluations());
        m.put("cache_hits", r.cacheHits());
        m.put("ended_by", r.end() == IpiClient.End.EXIT ? "EXIT" : "driver closed the connection");
        if (calc instanceof BlendingCalculator bc) {
            m.put("blend", outputs.toMap(bc.controller().errorTargetEvPerA()));
        }
        m.put("wall_seconds", wallSeconds);
        return m;
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }
}
