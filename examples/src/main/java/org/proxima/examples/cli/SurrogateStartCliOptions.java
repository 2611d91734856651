package org.proxima.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.proxima.examples.study.SurrogateStart;

import picocli.CommandLine.Option;

/** {@code --initial-data} and {@code --model}: a blended run that starts from data or a model the user has. */
final class SurrogateStartCliOptions {

    @Option(names = "--initial-data", paramLabel = "FRAMES.extxyz",
            description = "Blended runs: target results to start the training set with (frames with energy and "
                    + "forces; the first fit comes as soon as they suffice).")
    Path initialData;

    @Option(names = "--model", paramLabel = "MODEL_DIR",
            description = "Blended runs: start from this saved ensemble (proxima train) instead of an untrained one.")
    Path model;

    /**
     * @return the start
     * @throws IllegalArgumentException naming a file or directory that does not exist
     */
    SurrogateStart resolve() {
        if (initialData != null && !Files.isRegularFile(initialData)) {
            throw new IllegalArgumentException("--initial-data " + initialData + " is not a file");
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new IllegalArgumentException("--model " + model + " is not a directory");
        }
        return new SurrogateStart(initialData, model);
    }
}
