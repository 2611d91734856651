package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.proxima.core.io.Json;
import org.proxima.core.io.OutputFiles;
import org.proxima.examples.study.Provenance;
import org.proxima.examples.study.RunOutcome;
import org.proxima.examples.study.SiVacancyStudy;
import org.proxima.examples.study.StudyMode;
import org.proxima.examples.study.StudyOptions;
import org.proxima.examples.study.StudyReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code proxima si-vacancy}: the paper's Si-vacancy experiments. */
@Command(name = "si-vacancy", mixinStandardHelpOptions = true,
        description = "The paper's silicon-vacancy experiments: target only vs PROXIMA vs PROXIMA+BLEND vs the "
                + "surrogate alone.",
        subcommands = {SiVacancyCommand.Npt.class, SiVacancyCommand.Hops.class, SiVacancyCommand.Compare.class})
final class SiVacancyCommand implements Runnable {

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "Missing study: npt, hops or compare (try 'proxima si-vacancy --help')");
    }

    private static final List<StudyMode> ALL = List.of(StudyMode.TARGET, StudyMode.PROXIMA, StudyMode.BLEND,
            StudyMode.CALIBRATED, StudyMode.SURROGATE);

    /** Runs one study and writes its report. */
    private static StudyReport study(String name, StudyOptions o, Double cost) {
        boolean hops = name.equals("hops");
        long steps = o.steps() != null ? o.steps() : hops ? SiVacancyStudy.NVT_STEPS : SiVacancyStudy.NPT_STEPS;
        long runs = (long) o.modes().size() * o.replicas();
        List<RunOutcome> out;
        try (StudyProgress progress = new StudyProgress(name, steps * runs, steps)) {
            out = hops ? SiVacancyStudy.hops(o, progress) : SiVacancyStudy.npt(o, progress);
        }
        StudyReport report = StudyReport.write(name, out, o.errorTargetEvPerA(), cost, o.output());
        for (RunOutcome r : out) {
            if (r.failure() != null) {
                System.err.println("proxima: run " + name + "/" + r.name() + " stopped early: " + r.failure());
            }
        }
        for (String p : report.problems()) {
            System.err.println("proxima: note: figure skipped, " + p);
        }
        return report;
    }

    private static void writeRunJson(StudyCliOptions cli, StudyOptions o, String command) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", command);
        p.putAll(cli.parameters(o));
        Json.writeFile(o.output().resolve("run.json"), Provenance.describe(p));
    }

    private static void print(List<StudyReport> reports, Path output) {
        for (StudyReport r : reports) {
            System.out.println();
            System.out.println(r.comparison().toMarkdown());
        }
        System.out.println("Results in " + output.toAbsolutePath() + ":");
        for (StudyReport r : reports) {
            r.files().forEach(f -> System.out.println("  " + output.relativize(f)));
        }
    }

    /** Runs one study in the modes given (default blend) and prints its report. */
    private static int single(StudyCliOptions options, String name) {
        StudyOptions o = options.resolve(List.of(StudyMode.BLEND), name.equals("hops"));
        writeRunJson(options, o, "si-vacancy " + name);
        StudyReport report = study(name, o, options.targetCostSeconds);
        print(List.of(report), o.output());
        return exitCode(List.of(report));
    }

    /** 0 when every run reached its last step; 1 when one failed or was stopped (its checkpoint continues it). */
    private static int exitCode(List<StudyReport> reports) {
        return reports.stream().anyMatch(r -> r.comparison().anyStoppedEarly()) ? 1 : 0;
    }

    /** {@code proxima si-vacancy npt}. */
    @Command(name = "npt", mixinStandardHelpOptions = true, description = "800 K NPT density study (2048 steps): "
            + "density from the last 512 steps, max |dV/dt| after the first training, volume trace.")
    static final class Npt implements Callable<Integer> {
        @Mixin
        StudyCliOptions options;

        @Override
        public Integer call() {
            return single(options, "npt");
        }
    }

    /** {@code proxima si-vacancy hops}. */
    @Command(name = "hops", mixinStandardHelpOptions = true, description = "1573 K NVT (Bussi) vacancy-hop study "
            + "at the target's NPT volume: hop rates by neighbour counts and by Wigner-Seitz occupation.")
    static final class Hops implements Callable<Integer> {
        @Mixin
        StudyCliOptions options;

        @Override
        public Integer call() {
            return single(options, "hops");
        }
    }

    /** {@code proxima si-vacancy compare}. */
    @Command(name = "compare", mixinStandardHelpOptions = true, description = "Both studies in every mode (default "
            + "target, proxima, blend, calibrated, surrogate) with the same seeds; writes npt- and hops-comparison tables "
            + "(markdown, JSON) and figures.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        StudyCliOptions options;

        @Override
        public Integer call() {
            StudyOptions npt = options.resolve(ALL, false);
            StudyOptions hops = options.resolve(ALL, true);
            writeRunJson(options, npt, "si-vacancy compare");
            List<StudyReport> reports = new ArrayList<>();
            reports.add(study("npt", npt, options.targetCostSeconds));
            reports.add(study("hops", hops, options.targetCostSeconds));
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("npt", reports.get(0).toMap());
            both.put("hops", reports.get(1).toMap());
            Json.writeFile(npt.output().resolve("comparison.json"), both);
            OutputFiles.writeAtomically(npt.output().resolve("comparison.md"),
                    reports.get(0).comparison().toMarkdown() + "\n" + reports.get(1).comparison().toMarkdown());
            print(reports, npt.output());
            System.out.println("  comparison.md, comparison.json, run.json");
            return exitCode(reports);
        }
    }
}
