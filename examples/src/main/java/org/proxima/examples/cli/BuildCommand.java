package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.io.OutputFiles;
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

        /** Heap per atom to build and write a supercell (positions, symbols, copies while building), bytes. */
        static final long HEAP_BYTES_PER_ATOM = 200;
        /** Heap of the program itself, bytes. */
        static final long HEAP_BASE_BYTES = 16L << 20;

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
            if (r0 < 1 || r1 < 1 || r2 < 1) {
                throw new IllegalArgumentException("--repeat must be ≥ 1 along every axis, got " + repeat);
            }
            long atoms = 8L * r0 * r1 * r2;
            checkMemory(atoms, Runtime.getRuntime().maxMemory());
            OutputFiles.checkWritableFile(output, "--output");
            int[] removed = vacancyIndices(atoms);
            Structure s = Crystals.diamondCubic(element, latticeA).repeat(r0, r1, r2);
            if (removed.length > 0) {
                s = s.without(removed);
            }
            ExtXyzWriter.writeAll(output, List.of(Frame.of(s)));
            System.out.printf("Wrote %d %s atoms (a = %s Å, %d×%d×%d, %d vacanc%s) to %s%n", s.size(), element,
                    latticeA, r0, r1, r2, removed.length, removed.length == 1 ? "y" : "ies", output);
            return 0;
        }

        /** Distinct, in range; a repeated index is refused (it would remove one atom, not two). */
        private int[] vacancyIndices(long atoms) {
            Set<Integer> seen = new LinkedHashSet<>();
            for (int v : vacancies) {
                if (v < 0 || v >= atoms) {
                    throw new IllegalArgumentException("--vacancy " + v + " is not an atom index of the "
                            + atoms + "-atom supercell (0 to " + (atoms - 1) + ")");
                }
                if (!seen.add(v)) {
                    throw new IllegalArgumentException("--vacancy lists atom " + v + " twice: give each vacancy "
                            + "once");
                }
            }
            return seen.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * Refuses a supercell that would not fit in the heap, before allocating it.
         *
         * @param atoms atoms of the supercell
         * @param maxHeapBytes the JVM's heap limit, bytes
         * @throws IllegalArgumentException naming the atom count, the heap needed and how to raise it
         */
        static void checkMemory(long atoms, long maxHeapBytes) {
            long needed = HEAP_BASE_BYTES + atoms * HEAP_BYTES_PER_ATOM;
            if (atoms > Integer.MAX_VALUE / 3 || needed > maxHeapBytes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "--repeat gives %,d atoms, which needs "
                        + "about %,d MiB of heap to build and write; this JVM may use %,d MiB (raise it with "
                        + "PROXIMA_JAVA_OPTS=-Xmx..., or build a smaller cell)", atoms, needed >> 20,
                        maxHeapBytes >> 20));
            }
        }
    }
}
