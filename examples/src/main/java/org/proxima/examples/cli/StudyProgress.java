package org.proxima.examples.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepSummary;
import org.proxima.examples.study.ProgressSink;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a study: in a terminal, one bar over all runs' steps with the current run, its mode and its
 * fractions of target, blend and surrogate steps, and the ETA; otherwise a log line per run every 10% of its steps.
 */
final class StudyProgress implements ProgressSink, AutoCloseable {

    private final ProgressBar bar;
    private final PrintStream log;
    private final Map<String, Long> steps = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
    private final long perRunLogInterval;
    private final String prefix;

    /**
     * @param task label (e.g. {@code npt})
     * @param totalSteps steps of all runs together
     * @param stepsPerRun steps of one run (for the log interval)
     */
    StudyProgress(String task, long totalSteps, long stepsPerRun) {
        this.prefix = task;
        this.perRunLogInterval = Math.max(1, stepsPerRun / 10);
        if (System.console() != null) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).continuousUpdate().setUnit(" steps", 1).build();
            log = null;
        } else {
            bar = null;
            log = System.out;
        }
    }

    @Override
    public void update(String run, long step, StepSummary summary) {
        steps.put(run, step);
        String fractions = summary.steps() == 0 ? "target only" : String.format(Locale.ROOT,
                "target %.0f%% blend %.0f%% surrogate %.0f%%", 100 * summary.fraction(Source.TARGET),
                100 * summary.fraction(Source.BLEND), 100 * summary.fraction(Source.SURROGATE));
        if (bar != null) {
            synchronized (bar) {
                bar.stepTo(steps.values().stream().mapToLong(Long::longValue).sum());
                bar.setExtraMessage(run + ": " + fractions);
            }
        } else {
            long last = lastLogged.getOrDefault(run, -perRunLogInterval);
            if (step - last >= perRunLogInterval) {
                lastLogged.put(run, step);
                log.printf("[%s/%s] step %d, %s%n", prefix, run, step, fractions);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
