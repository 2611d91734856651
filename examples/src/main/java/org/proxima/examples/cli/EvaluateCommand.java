package org.proxima.examples.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Voigt;
import org.proxima.core.io.AtomicOutput;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.io.ExtXyzWriter;
import org.proxima.core.io.Frame;
import org.proxima.core.io.StructureFiles;
import org.proxima.core.units.Units;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code proxima evaluate}: single points of every frame of a structure file, written as extended XYZ with
 * {@code energy}, {@code stress} (9 values, ASE sign) and {@code forces}. The output is written whole or not at all
 * (a temporary file renamed on success), may not be the input, and an input without frames is an error.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate energy, forces and stress of every frame of a structure file.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--calculator", paramLabel = "SPEC",
            description = "Calculator: " + CalculatorSpec.FORMS + ".")
    String calculator;

    @Option(names = "--surrogate", paramLabel = "MODEL_DIR",
            description = "Instead of a calculator, a saved ensemble (proxima train): energies, forces, stress and "
                    + "the per-frame UQ, and against the input's reference forces the force MAE, max-atom error and "
                    + "UQ-error rank correlation.")
    Path surrogate;

    @Option(names = "--summary", paramLabel = "FILE.json", description = "With --surrogate: the measures as JSON.")
    Path summary;

    @Mixin
    Cp2kCliOptions cp2kLimits;

    @Option(names = {"--input", "--structure"}, required = true, paramLabel = "FILE",
            description = "Input structure(s): extxyz (all frames), POSCAR/CONTCAR or LAMMPS data.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE.extxyz", description = "Output extxyz file.")
    Path output;

    @Override
    public Integer call() {
        if ((calculator == null) == (surrogate == null)) {
            throw new IllegalArgumentException("Give either --calculator SPEC or --surrogate MODEL_DIR");
        }
        if (surrogate != null) {
            return evaluateSurrogate();
        }
        CalculatorSpec spec = cp2kLimits.apply(CalculatorSpec.parse(calculator));
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--input", input);
        inputs.put("--calculator", spec.file());
        OptionChecks.files(inputs, Map.of("--output", output));
        Iterator<Frame> frames = frames();
        int count = 0;
        ForceCalculator calc = null;
        try (AtomicOutput file = AtomicOutput.of(output); ExtXyzWriter out = ExtXyzWriter.create(file.path())) {
            while (frames.hasNext()) {
                Frame in = frames.next();
                if (calc == null) {
                    calc = spec.create(in.structure().species());
                }
                CalculationResult r = calc.calculate(in.structure());
                Map<String, Object> info = new LinkedHashMap<>(in.info());
                info.remove("energy");
                info.remove("stress");
                info.remove("free_energy");
                out.write(new Frame(in.structure(), r, info, in.columns()));
                out.flush();
                System.out.printf("frame %d: %d atoms, E = %.10f eV (%.6f eV/atom), max |F| = %.6f eV/Å, "
                        + "p = %.6f GPa%n", count, in.structure().size(), r.energyEv(),
                        r.energyEv() / in.structure().size(), r.maxForceEvPerA(),
                        Units.evPerA3ToGpa(Voigt.pressure(r.stressEvPerA3())));
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException("--input " + input + " holds no frames: nothing to evaluate ("
                        + output + " not written)");
            }
            out.close();
            file.commit();
        } finally {
            if (frames instanceof ExtXyzReader reader) {
                reader.close();
            }
            if (calc != null) {
                calc.close();
            }
        }
        System.out.printf("Evaluated %d frame%s with %s; wrote %s%n", count, count == 1 ? "" : "s",
                calc == null ? spec.text() : calc.describe(), output);
        return 0;
    }

    private Iterator<Frame> frames() {
        return StructureFiles.detect(input) == StructureFiles.Format.EXTXYZ ? ExtXyzReader.open(input)
                : StructureFiles.readAll(input).iterator();
    }

    private int evaluateSurrogate() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--output", output);
        outputs.put("--summary", summary);
        OptionChecks.files(Map.of("--input", input), outputs);
        Iterator<Frame> frames = frames();
        try {
            Map<String, Object> m = SurrogateEvaluation.run(surrogate, input, frames, output);
            if (summary != null) {
                org.proxima.core.io.Json.writeFile(summary, m);
            }
        } finally {
            if (frames instanceof ExtXyzReader reader) {
                reader.close();
            }
        }
        return 0;
    }
}
