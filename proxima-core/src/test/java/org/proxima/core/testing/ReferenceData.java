package org.proxima.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the repository's {@code reference/} folder (LAMMPS and CP2K reference values), searching upwards from
 * the working directory, so that every module's tests read the same files.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /**
     * @param relative path inside {@code reference/}, e.g. {@code lammps-sw/c01_si8_ideal.extxyz}
     * @return the file
     * @throws IllegalStateException if it cannot be found
     */
    public static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("reference").resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Reference file reference/" + relative + " not found above "
                + Path.of("").toAbsolutePath());
    }
}
