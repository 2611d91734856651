package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The structure and the calculator of {@code proxima md} and {@code proxima serve}. */
final class TargetCliOptions {

    @Option(names = {"--structure", "--input"}, required = true, paramLabel = "FILE",
            description = "Structure: extxyz (first frame), POSCAR/CONTCAR or LAMMPS data (md: the start; serve: the "
                    + "atoms the driver moves, whose elements, masses and order i-PI does not send).")
    Path structure;

    @Option(names = {"--calculator", "--target"}, defaultValue = "sw", paramLabel = "SPEC",
            description = "Calculator (the target when blending): " + CalculatorSpec.FORMS
                    + " (default ${DEFAULT-VALUE}).")
    String calculator;

    @Mixin
    Cp2kCliOptions cp2kLimits;

    /** @return the parsed calculator with its limits */
    CalculatorSpec spec() {
        return cp2kLimits.apply(CalculatorSpec.parse(calculator));
    }

    /**
     * @param spec the parsed calculator
     * @return the files read, by option
     */
    Map<String, Path> inputs(CalculatorSpec spec) {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("--structure", structure);
        m.put("--calculator", spec.file());
        return m;
    }
}
