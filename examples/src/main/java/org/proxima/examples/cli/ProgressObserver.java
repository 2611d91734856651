package org.proxima.examples.cli;

import java.util.function.Function;

import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A terminal progress bar for long runs (step, ETA and a status message). Shown only when the program runs in a
 * terminal, so that logs of batch jobs are not filled with redraws.
 */
final class ProgressObserver implements Observer {

    private final ProgressBar bar;
    private final Function<Snapshot, String> message;

    private ProgressObserver(ProgressBar bar, Function<Snapshot, String> message) {
        this.bar = bar;
        this.message = message;
    }

    /**
     * @param task label
     * @param totalSteps steps of the run
     * @param message extra status text per update (may be null)
     * @return the observer, or null when not attached to a terminal
     */
    static ProgressObserver createIfInteractive(String task, long totalSteps, Function<Snapshot, String> message) {
        if (System.console() == null) {
            return null;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalSteps)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                .setUnit(" steps", 1).build();
        return new ProgressObserver(bar, message);
    }

    @Override
    public void observe(Snapshot s) {
        bar.stepTo(s.step());
        if (message != null) {
            bar.setExtraMessage(message.apply(s));
        }
    }

    @Override
    public void close() {
        bar.close();
    }
}
