package org.proxima.examples.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.proxima.core.io.Json;
import org.proxima.core.io.OutputFiles;

/**
 * Writes what a study found: {@code STUDY-comparison.md} and {@code .json}, and the figures (see
 * {@link StudyPlots}). A figure that cannot be drawn (e.g. no fonts on a bare server) is reported and skipped; the
 * data files are written regardless.
 *
 * @param comparison the comparison of modes
 * @param files the files written
 * @param problems figures that could not be drawn, with the reason
 */
public record StudyReport(Comparison comparison, List<Path> files, List<String> problems) {

    /**
     * @param study {@code npt} or {@code hops}
     * @param outcomes every run of the study
     * @param errorTarget ε_target for the histograms, eV/Å
     * @param targetCostSeconds cost of a target call for projections, s, or null for the measured one
     * @param dir output directory
     * @return the report
     */
    public static StudyReport write(String study, List<RunOutcome> outcomes, double errorTarget,
            Double targetCostSeconds, Path dir) {
        boolean hops = study.equals("hops");
        Comparison c = new Comparison(study, hops, outcomes, targetCostSeconds);
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path md = dir.resolve(study + "-comparison.md");
        Path json = dir.resolve(study + "-comparison.json");
        OutputFiles.writeAtomically(md, c.toMarkdown());
        Json.writeFile(json, c.toMap());
        files.add(md);
        files.add(json);
        figure(problems, files, "volume trace", () -> {
            if (hops) {
                return null;
            }
            long seed = outcomes.get(0).seed();
            List<RunOutcome> one = outcomes.stream().filter(o -> o.seed() == seed).toList();
            return StudyPlots.volumeTrace(one, dir.resolve(study + "-volume-trace.png"));
        });
        figure(problems, files, "volume trace zoom", () -> {
            if (hops) {
                return null;
            }
            long seed = outcomes.get(0).seed();
            List<RunOutcome> one = outcomes.stream().filter(o -> o.seed() == seed).toList();
            return StudyPlots.volumeTraceZoom(one, dir.resolve(study + "-volume-trace-zoom.png"), 250);
        });
        figure(problems, files, "controller trace", () -> {
            long seed = outcomes.get(0).seed();
            List<RunOutcome> one = outcomes.stream().filter(o -> o.seed() == seed).toList();
            return StudyPlots.controllerTrace(one, dir.resolve(study + "-controller-trace.png"));
        });
        figure(problems, files, "error histogram", () -> StudyPlots.errorHistogram(c.rows(), false, errorTarget,
                dir.resolve(study + "-errors-all-target-steps.png")));
        figure(problems, files, "audit error histogram", () -> StudyPlots.errorHistogram(c.rows(), true,
                errorTarget, dir.resolve(study + "-errors-audit-steps.png")));
        figure(problems, files, "max |dV/dt| box plot", () -> hops ? null : StudyPlots.boxPlot(c.rows(),
                "max |dV/dt| after the first training", "max |dV/dt| (Å³/fs)", ModeRow::maxDvdt,
                dir.resolve(study + "-max-dvdt.png")));
        figure(problems, files, "run time box plot", () -> StudyPlots.boxPlot(c.rows(), "Run time",
                "wall time (s)", ModeRow::wallSeconds, dir.resolve(study + "-runtime.png")));
        return new StudyReport(c, files, problems);
    }

    /** A figure to draw. */
    @FunctionalInterface
    private interface Figure {
        Path draw() throws Exception;
    }

    private static void figure(List<String> problems, List<Path> files, String what, Figure f) {
        try {
            Path p = f.draw();
            if (p != null) {
                files.add(p);
            }
        } catch (Exception | LinkageError e) {
            problems.add(what + ": " + e);
        }
    }

    /** @return the comparison as JSON */
    public Map<String, Object> toMap() {
        return comparison.toMap();
    }
}
