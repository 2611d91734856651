package org.proxima.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.cp2k.Cp2kCalculator;
import org.proxima.cp2k.Cp2kPreset;

/**
 * The cost of one CP2K evaluation (energy, forces, stress) with the paper-lda preset: cold (first evaluation, new
 * process) and warm (after displacing every atom by up to 0.01 Å, as between MD steps; mean of three), for the
 * 8-atom cell and the 63-atom vacancy cell, with 1 and 2 OpenMP threads and with three wavefunction extrapolation
 * settings. Not JMH: one evaluation takes seconds. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.proxima.benchmarks.Cp2kCostBenchmark [si8|si63|all]}.
 */
public final class Cp2kCostBenchmark {

    private Cp2kCostBenchmark() {
    }

    /** A variant of the preset's QS section. */
    private record Variant(String name, String qs) {
    }

    private static final List<Variant> VARIANTS = List.of(new Variant("default", ""),
            new Variant("ASPC order 3", "\n      EXTRAPOLATION ASPC\n      EXTRAPOLATION_ORDER 3"),
            new Variant("PS order 3", "\n      EXTRAPOLATION PS\n      EXTRAPOLATION_ORDER 3"));

    /**
     * @param args {@code si8}, {@code si63} or {@code all} (default)
     */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        System.out.println("| system | threads | extrapolation | cold (s) | warm (s) | warm/cold |");
        System.out.println("|---|---|---|---|---|---|");
        for (String system : List.of("si8", "si63")) {
            if (!which.equals("all") && !which.equals(system)) {
                continue;
            }
            Structure s = system.equals("si8") ? Crystals.diamondCubic("Si", 5.43)
                    : Crystals.diamondVacancy("Si", 5.43);
            run(system, s, 1, VARIANTS.get(0));
            for (Variant v : VARIANTS) {
                run(system, s, 2, v);
            }
        }
    }

    private static void run(String system, Structure s, int threads, Variant v) throws Exception {
        Path dir = Files.createTempDirectory("proxima-cp2k-bench-");
        Path input = dir.resolve("template.inp");
        Files.writeString(input, Cp2kPreset.PAPER_LDA.template().replace("      METHOD GPW", "      METHOD GPW" + v.qs()));
        Random rng = new Random(7);
        try (Cp2kCalculator c = Cp2kCalculator.builder().input(input).kind("Si", "SZV-MOLOPT-SR-GTH", "GTH-PADE-q4")
                .workDirectory(dir.resolve("run")).environment("OMP_NUM_THREADS", Integer.toString(threads))
                .build()) {
            long t0 = System.nanoTime();
            c.calculate(s);
            double cold = (System.nanoTime() - t0) / 1e9;
            double warm = 0;
            Structure current = s;
            for (int k = 0; k < 3; k++) {
                double[] x = current.positionsA();
                for (int i = 0; i < x.length; i++) {
                    x[i] += 0.01 * (2 * rng.nextDouble() - 1) / Math.sqrt(3);
                }
                current = current.withPositions(x);
                t0 = System.nanoTime();
                c.calculate(current);
                warm += (System.nanoTime() - t0) / 1e9 / 3;
            }
            System.out.printf(Locale.ROOT, "| %s (%d atoms) | %d | %s | %.2f | %.2f | %.2f |%n", system, s.size(),
                    threads, v.name(), cold, warm, warm / cold);
        }
    }
}
