package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code proxima build}: writes ideal structures. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build structures.",
        subcommands = {BuildCommand.SiDiamond.class})
final class BuildCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Missing structure type: try 'proxima build si-diamond --help'");
    }

    /** {@code proxima build si-diamond}. */
    @Command(name = "si-diamond", mixinStandardHelpOptions = true,
            description = "Cubic diamond supercell in ASE's atom order "
                    + "(bulk('Si','diamond',a,cubic=True).repeat(r)), optionally with vacancies.")
    static final class SiDiamond implements Callable<Integer> {

        @Option(names = "--lattice", defaultValue = "5.43", paramLabel = "A",
                description = "Cubic lattice constant in Å (default ${DEFAULT-VALUE}).")
        double latticeA;

        @Option(names = "--repeat", defaultValue = "1", paramLabel = "N[,N,N]", split = ",",
                description = "Repeats of the 8-atom cell along a, b, c: one number for all three, or three.")
        List<Integer> repeat;

        @Option(names = "--vacancy", paramLabel = "INDEX", split = ",",
                description = "Remove these atom indices (0-based, after repeating), e.g. 0.")
        List<Integer> vacancies = List.of();

        @Option(names = "--element", defaultValue = "Si", description = "Element (default ${DEFAULT-VALUE}).")
        String element;

        @Option(names = "--output", required = true, paramLabel = "FILE.extxyz", description = "Output file.")
        Path output;

        @Override
        public Integer call() {
            if (repeat.size() != 1 && repeat.size() != 3) {
                throw new IllegalArgumentException("--repeat takes one number or three (N,N,N), got " + repeat);
            }
            int r0 = repeat.get(0);
            int r1 = repeat.size() == 3 ? repeat.get(1) : r0;
            int r2 = repeat.size() == 3 ? repeat.get(2) : r0;
            Structure s = Crystals.diamondCubic(element, latticeA).repeat(r0, r1, r2);
            if (!vacancies.isEmpty()) {
                s = s.without(vacancies.stream().mapToInt(Integer::intValue).toArray());
            }
            ExtXyzWriter.writeAll(output, List.of(Frame.of(s)));
            System.out.printf("Wrote %d %s atoms (a = %s Å, %d×%d×%d, %d vacanc%s) to %s%n", s.size(), element,
                    latticeA, r0, r1, r2, vacancies.size(), vacancies.size() == 1 ? "y" : "ies", output);
            return 0;
        }
    }
}
