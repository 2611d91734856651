package org.proxima.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.surrogate.SurrogateCalculator;
import org.proxima.cp2k.Cp2kCalculator;
import org.proxima.cp2k.Cp2kPreset;
import org.proxima.ipi.IpiAddress;
import org.proxima.ipi.IpiCalculator;
import org.proxima.examples.study.SurrogateStart;
import org.proxima.examples.study.TargetFactory;
import org.proxima.md.potential.LennardJones;
import org.proxima.md.potential.StillingerWeber;
import org.proxima.md.potential.StillingerWeberParameters;

/**
 * A parsed {@code --calculator} (or {@code --target}) option:
 * <ul>
 *   <li>{@code sw}: Stillinger–Weber with the bundled original Si parameters;</li>
 *   <li>{@code sw:FILE.sw}: Stillinger–Weber from a LAMMPS parameter file;</li>
 *   <li>{@code lj:EPS,SIGMA,CUTOFF}: Lennard-Jones with ε (eV), σ (Å) and cutoff (Å) for every element pair,
 *       energy-shifted at the cutoff;</li>
 *   <li>{@code cp2k}, {@code cp2k:PRESET} or {@code cp2k:FILE.inp}: CP2K through its shell (docs/cp2k.md), with the
 *       paper-lda preset by default; the command comes from {@value #CP2K_COMMAND_VARIABLE}.</li>
 *   <li>{@code ipi:unix:NAME} or {@code ipi:HOST:PORT}: any i-PI client (LAMMPS {@code fix ipi}, ASE's
 *       {@code SocketClient}, ...) that connects there (docs/ipi.md).</li>
 *   <li>{@code model:DIR}: a saved surrogate ensemble ({@code proxima train}, {@code Ensembles.save}) used on its own
 *       as a frozen potential: the members' mean energy, forces and stress ({@link SurrogateCalculator}).</li>
 * </ul>
 * Parsing checks the syntax (and that files exist) before any work starts; {@link #create} builds the calculator
 * for the elements of a structure.
 *
 * @param text the option as given
 * @param kind calculator family
 * @param file parameter file, or null
 * @param numbers numeric parameters, or empty
 * @param cp2kTimeouts CP2K's start-up and evaluation limits (defaults when not set)
 */
public record CalculatorSpec(String text, Kind kind, Path file, double[] numbers, Cp2kTimeouts cp2kTimeouts)
        implements TargetFactory {

    /**
     * Limits of a CP2K target.
     *
     * @param startup start-up, loading the input and each short command
     * @param evaluation one energy-and-forces evaluation
     */
    public record Cp2kTimeouts(Duration startup, Duration evaluation) {
        /** CP2K's defaults: 120 s and 1 h. */
        public static final Cp2kTimeouts DEFAULT = new Cp2kTimeouts(Cp2kCalculator.DEFAULT_STARTUP_TIMEOUT,
                Duration.ofHours(1));
    }

    /**
     * @param value CP2K's limits
     * @return a copy with them
     */
    public CalculatorSpec withCp2kTimeouts(Cp2kTimeouts value) {
        return new CalculatorSpec(text, kind, file, numbers, value);
    }

    /** Calculator families. */
    public enum Kind {
        /** Stillinger–Weber. */
        SW,
        /** Lennard-Jones. */
        LJ,
        /** CP2K (DFT) through its shell. */
        CP2K,
        /** Any i-PI client. */
        IPI,
        /** A saved surrogate ensemble used on its own. */
        MODEL
    }

    /** The accepted forms, for messages. */
    public static final String FORMS = "sw, sw:FILE.sw, lj:EPS,SIGMA,CUTOFF, cp2k[:paper-lda|si-accurate|FILE.inp], "
            + "ipi:unix:NAME, ipi:HOST:PORT, model:DIR";

    /** Environment variable with the command that starts a CP2K shell, split at white space (no quoting). */
    public static final String CP2K_COMMAND_VARIABLE = "PROXIMA_CP2K_COMMAND";

    /**
     * Parses a specification.
     *
     * @param text e.g. {@code sw}, {@code sw:Si.sw}, {@code lj:0.0104,3.4,8.5}
     * @return the spec
     * @throws IllegalArgumentException naming the bad value
     */
    public static CalculatorSpec parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        String rest = colon < 0 ? null : t.substring(colon + 1);
        switch (head) {
            case "sw" -> {
                if (rest == null) {
                    return new CalculatorSpec(text, Kind.SW, null, new double[0], Cp2kTimeouts.DEFAULT);
                }
                Path p = Path.of(rest);
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("Stillinger-Weber parameter file '" + rest + "' not found");
                }
                return new CalculatorSpec(text, Kind.SW, p, new double[0], Cp2kTimeouts.DEFAULT);
            }
            case "lj" -> {
                String[] parts = rest == null ? new String[0] : rest.split(",");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("Lennard-Jones needs lj:EPS,SIGMA,CUTOFF (eV, Å, Å), got '"
                            + text + "'");
                }
                double[] v = new double[3];
                for (int k = 0; k < 3; k++) {
                    try {
                        v[k] = Double.parseDouble(parts[k].trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("Lennard-Jones parameter '" + parts[k]
                                + "' in '" + text + "' is not a number");
                    }
                }
                if (!(v[0] >= 0) || !(v[1] > 0) || !(v[2] > 0)) {
                    throw new IllegalArgumentException("Lennard-Jones needs ε ≥ 0, σ > 0 and cutoff > 0, got '"
                            + text + "'");
                }
                return new CalculatorSpec(text, Kind.LJ, null, v, Cp2kTimeouts.DEFAULT);
            }
            case "cp2k" -> {
                Cp2kCalculator.Builder b = cp2k(rest);
                if (!b.isInstalled()) {
                    throw new IllegalArgumentException("CP2K was requested but '" + cp2kCommand().get(0) + "' is not "
                            + "installed (Debian: apt-get install cp2k; or set " + CP2K_COMMAND_VARIABLE + ")");
                }
                return new CalculatorSpec(text, Kind.CP2K, rest == null || Cp2kPreset.byName(rest) != null ? null
                        : Path.of(rest), new double[0], Cp2kTimeouts.DEFAULT);
            }
            case "ipi" -> {
                IpiAddress.parse(rest == null ? "" : rest); // checks the syntax now
                return new CalculatorSpec(text, Kind.IPI, null, new double[0], Cp2kTimeouts.DEFAULT);
            }
            case "model" -> {
                if (rest == null || !Files.isDirectory(Path.of(rest))) {
                    throw new IllegalArgumentException("model:DIR needs the directory of a saved surrogate ensemble "
                            + "(proxima train), got '" + text + "'");
                }
                return new CalculatorSpec(text, Kind.MODEL, Path.of(rest), new double[0], Cp2kTimeouts.DEFAULT);
            }
            default -> throw new IllegalArgumentException("Unknown calculator '" + text + "': expected " + FORMS);
        }
    }

    @Override
    public String description() {
        return text;
    }

    /**
     * Builds the calculator.
     *
     * @param elements element symbols it must handle (used by Lennard-Jones)
     * @return a new calculator
     */
    @Override
    public ForceCalculator create(Set<String> elements) {
        return switch (kind) {
            case SW -> file == null ? StillingerWeber.silicon()
                    : new StillingerWeber(StillingerWeberParameters.read(file), StillingerWeber.DEFAULT_SKIN_A);
            case LJ -> LennardJones.uniform(numbers[0], numbers[1], numbers[2], List.copyOf(elements));
            case CP2K -> cp2k(text.contains(":") ? text.substring(text.indexOf(':') + 1) : null)
                    .startupTimeout(cp2kTimeouts.startup()).timeout(cp2kTimeouts.evaluation()).build();
            case IPI -> IpiCalculator.builder(IpiAddress.parse(text.substring(text.indexOf(':') + 1))).build();
            case MODEL -> new SurrogateCalculator(SurrogateStart.loadCovering(file, elements, "model:" + file));
        };
    }

    /** The CP2K command: {@value #CP2K_COMMAND_VARIABLE} split at white space, or {@code cp2k_shell}. */
    private static List<String> cp2kCommand() {
        String env = System.getenv(CP2K_COMMAND_VARIABLE);
        return env == null || env.isBlank() ? List.of("cp2k_shell") : List.of(env.strip().split("\\s+"));
    }

    private static Cp2kCalculator.Builder cp2k(String presetOrFile) {
        Cp2kCalculator.Builder b = Cp2kCalculator.builder().command(cp2kCommand().toArray(String[]::new));
        if (presetOrFile == null) {
            return b;
        }
        Cp2kPreset preset = Cp2kPreset.byName(presetOrFile);
        if (preset != null) {
            return b.preset(preset);
        }
        Path p = Path.of(presetOrFile);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("CP2K input '" + presetOrFile + "' is neither a preset (paper-lda, "
                    + "si-accurate) nor a file");
        }
        return b.input(p);
    }
}
