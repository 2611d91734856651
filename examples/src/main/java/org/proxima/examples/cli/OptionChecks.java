package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.Map;

import org.proxima.core.io.OutputFiles;

/** Range checks of command-line options whose messages name the option and the value given. */
final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * @param option the option, e.g. {@code --steps}
     * @param value its value
     * @param min smallest allowed value
     * @throws IllegalArgumentException naming the option, when below
     */
    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be ≥ " + min + ", got " + value);
        }
    }

    /**
     * @param option the option
     * @param value its value
     * @param min smallest allowed value
     * @param max largest allowed value
     * @throws IllegalArgumentException naming the option, when outside or not a number
     */
    static void between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /**
     * @param option the option
     * @param value its value
     * @throws IllegalArgumentException naming the option, when not a finite number ≥ 0
     */
    static void nonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number ≥ 0, got " + value);
        }
    }

    /**
     * @param option the option
     * @param value its value
     * @throws IllegalArgumentException naming the option, when not a finite positive number
     */
    static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number, got " + value);
        }
    }

    /**
     * Refuses outputs that are inputs or each other, and outputs that cannot be written (with the reason), before
     * anything is opened.
     *
     * @param inputs files read, by option (null values skipped)
     * @param outputs files written, by option (null values skipped)
     */
    static void files(Map<String, Path> inputs, Map<String, Path> outputs) {
        OutputFiles.checkDistinct(inputs, outputs);
        outputs.forEach((option, p) -> {
            if (p != null) {
                OutputFiles.checkWritableFile(p, option);
            }
        });
    }
}
