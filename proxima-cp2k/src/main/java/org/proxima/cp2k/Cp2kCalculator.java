package org.proxima.cp2k;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.CalculatorSetupException;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CP2K as a persistent subprocess: the shell ({@code cp2k_shell}, or any command that starts one, e.g.
 * {@code mpirun -np 4 cp2k_shell.psmp} or {@code srun cp2k_shell.psmp}) is started once, on the first evaluation,
 * with an input rendered for that structure; every evaluation then sends the cell (only when it changed) and the
 * positions, runs energy and forces, and reads energy, forces and the stress tensor, so the process and its
 * wavefunction survive between MD steps.
 *
 * <p>Units: CP2K's shell works in atomic units unless told {@code UNITS_EV_A}; both are supported
 * ({@link Builder#atomicUnits}) and converted with CP2K's own constants ({@link Cp2kUnits}). Stress: CP2K reports a
 * pressure-like tensor (positive when compressed); it is negated to the library's σ = (1/V) ∂E/∂ε.
 *
 * <p>Faults: each command has a time limit; a process that dies or times out is killed (with its children) and
 * restarted, and the evaluation retried ({@link Builder#retries}, default once); both are logged. An SCF that did
 * not converge (found in CP2K's log, since the shell does not report it) raises {@link ScfNotConvergedException},
 * or only logs a warning when {@link Builder#acceptUnconvergedScf} is set. A missing binary, a bad template or a CP2K
 * input error raises {@link CalculatorSetupException} with CP2K's own message. {@link #close()} ends the process;
 * no zombie remains. Not thread-safe.
 */
public final class Cp2kCalculator implements ForceCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(Cp2kCalculator.class);
    private static final String INPUT = "proxima.inp";
    private static final String PROJECT = "proxima";
    /** Default limit for start-up, loading the input and each short command. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Cp2kInput input;
    private final Path workDir;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Duration startupTimeout;
    private final int retries;
    private final boolean acceptUnconverged;
    private final boolean atomicUnits;
    private final String description;

    private Cp2kShell shell;
    private String[] symbols;
    private double[] sentCell;
    private long logOffset;
    private long evaluations;
    private int restarts;

    private Cp2kCalculator(Builder b) {
        this.command = List.copyOf(b.command);
        this.input = new Cp2kInput(b.inputText, b.kinds);
        this.workDir = b.workDir;
        this.environment = Map.copyOf(b.environment);
        this.timeout = b.timeout;
        this.startupTimeout = b.startupTimeout;
        this.retries = b.retries;
        this.acceptUnconverged = b.acceptUnconverged;
        this.atomicUnits = b.atomicUnits;
        this.description = "CP2K (" + b.inputName + ", " + String.join(" ", command) + ")";
    }

    /** @return a builder with the defaults: {@code cp2k_shell}, preset paper-lda, one retry, 1 h per evaluation */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Set<Property> implementedProperties() {
        return EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS);
    }

    @Override
    public String describe() {
        return description;
    }

    /** @return the working directory (input, CP2K's log {@code proxima.inp.out}, standard error) */
    public Path workDirectory() {
        return workDir;
    }

    /** @return how often the process was restarted after a fault */
    public int restarts() {
        return restarts;
    }

    /** @return the process id of the running shell, or -1 when none runs */
    public long pid() {
        return shell == null ? -1 : shell.pid();
    }

    @Override
    public CalculationResult calculate(Structure structure) {
        checkAtoms(structure);
        for (int attempt = 0;; attempt++) {
            try {
                if (shell == null || !shell.isAlive()) {
                    if (shell != null) {
                        LOG.warn("CP2K process {} is gone; restarting it", shell.pid());
                        stop();
                        restarts++;
                    }
                    start(structure);
                }
                return evaluate(structure);
            } catch (Cp2kTimeoutException | Cp2kProcessException e) {
                stop();
                if (attempt >= retries) {
                    throw e;
                }
                restarts++;
                LOG.warn("CP2K evaluation {} failed ({}); restarting CP2K and retrying ({} of {})", evaluations + 1,
                        e.getMessage(), attempt + 1, retries);
            }
        }
    }

    private void checkAtoms(Structure s) {
        String[] now = new String[s.size()];
        for (int i = 0; i < s.size(); i++) {
            now[i] = s.symbol(i);
        }
        if (symbols == null) {
            symbols = now;
        } else if (!Arrays.equals(symbols, now)) {
            throw new IllegalArgumentException("CP2K was set up for " + symbols.length + " atoms "
                    + summary(symbols) + " but got " + now.length + " " + summary(now)
                    + "; use one calculator per system");
        }
    }

    private static String summary(String[] s) {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String e : s) {
            count.merge(e, 1, Integer::sum);
        }
        return count.toString();
    }

    private void start(Structure s) {
        String path = command.get(0);
        if (!executable(path)) {
            throw new CalculatorSetupException("CP2K command '" + path + "' not found or not executable (PATH="
                    + System.getenv("PATH") + "); install CP2K (Debian: apt-get install cp2k) or configure the "
                    + "command, e.g. Cp2kCalculator.builder().command(\"mpirun\", \"-np\", \"4\", \"cp2k_shell.psmp\")");
        }
        try {
            Files.createDirectories(workDir);
            Files.writeString(workDir.resolve(INPUT), input.render(PROJECT, s));
            shell = new Cp2kShell(command, workDir, environment, workDir.resolve("cp2k.stderr"), startupTimeout);
        } catch (IOException e) {
            throw new CalculatorSetupException("Cannot start CP2K (" + String.join(" ", command) + ") in " + workDir
                    + ": " + e.getMessage(), e);
        }
        try {
            load(s);
        } catch (RuntimeException e) {
            stop(); // whatever failed, no process may be left running
            throw e;
        }
        LOG.info("CP2K started (pid {}) in {}", shell.pid(), workDir);
    }

    /** Loads the input into the started shell and checks it. */
    private void load(Structure s) {
        try {
            shell.command(startupTimeout, "LOAD " + INPUT);
        } catch (Cp2kProcessException | Cp2kTimeoutException e) {
            String reason = cp2kAbortMessage();
            throw new CalculatorSetupException("CP2K could not load its input " + workDir.resolve(INPUT) + ": "
                    + (reason != null ? reason : e.getMessage()), e);
        }
        int natom = Integer.parseInt(shell.command(startupTimeout, "NATOM").get(0).strip());
        if (natom != s.size()) {
            throw new CalculatorSetupException("The CP2K input has " + natom + " atoms but the structure has "
                    + s.size());
        }
        if (!atomicUnits) {
            shell.command(startupTimeout, "UNITS_EV_A");
        }
        sentCell = null;
        logOffset = logLength();
    }

    private static boolean executable(String path) {
        if (path.contains(File.separator)) {
            return Files.isExecutable(Path.of(path));
        }
        String env = System.getenv("PATH");
        if (env == null) {
            return false;
        }
        for (String dir : env.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, path))) {
                return true;
            }
        }
        return false;
    }

    private CalculationResult evaluate(Structure s) {
        double length = atomicUnits ? 1 / Cp2kUnits.BOHR_A : 1;
        Cell c = s.cell();
        double[] cell = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                cell[3 * r + k] = c.get(r, k) * length;
            }
        }
        if (!Arrays.equals(cell, sentCell)) {
            shell.command(startupTimeout, "SET_CELL", join(cell, 0, 9));
            sentCell = cell;
        }
        int n = s.size();
        String[] pos = new String[n + 3];
        pos[0] = "SET_POS";
        pos[1] = Integer.toString(3 * n);
        double[] x = s.positionsA();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                x[3 * i + k] *= length;
            }
            pos[i + 2] = join(x, 3 * i, 3);
        }
        pos[n + 2] = "*END";
        shell.command(startupTimeout, pos);
        shell.command(timeout, "EVAL_EF");
        evaluations++;
        checkScf();
        double energy = number(shell.command(startupTimeout, "GET_E"), "GET_E");
        double[] forces = vector(shell.command(startupTimeout, "GET_F"), 3 * n, "GET_F");
        double[] stress9 = numbers(shell.command(startupTimeout, "GET_STRESS"), 9, "GET_STRESS");
        double eScale = atomicUnits ? Cp2kUnits.HARTREE_EV : 1;
        double fScale = atomicUnits ? Cp2kUnits.HARTREE_PER_BOHR_EV_PER_A : 1;
        double sScale = atomicUnits ? Cp2kUnits.HARTREE_PER_BOHR3_EV_PER_A3 : 1;
        for (int k = 0; k < forces.length; k++) {
            forces[k] *= fScale;
        }
        // CP2K's stress is pressure-like (positive when compressed): σ = (1/V) ∂E/∂ε is its negative
        double[] voigt = {-stress9[0] * sScale, -stress9[4] * sScale, -stress9[8] * sScale,
            -0.5 * (stress9[5] + stress9[7]) * sScale, -0.5 * (stress9[2] + stress9[6]) * sScale,
            -0.5 * (stress9[1] + stress9[3]) * sScale};
        CalculationResult r = CalculationResult.of(energy * eScale, forces, voigt);
        if (!Double.isFinite(r.energyEv())) {
            throw new CalculationFailedException("CP2K returned a non-finite energy: " + energy);
        }
        return r;
    }

    private void checkScf() {
        String added = readLog();
        if (added.contains("SCF run NOT converged")) {
            String where = "CP2K evaluation " + evaluations + ": SCF run NOT converged (log " + log() + ")";
            if (!acceptUnconverged) {
                throw new ScfNotConvergedException(where + "; raise MAX_SCF or loosen EPS_SCF, or accept it with "
                        + "acceptUnconvergedScf(true)");
            }
            LOG.warn("{}; accepted as configured", where);
        }
    }

    /** CP2K's shell appends its log to the loaded input's name plus {@code .out}. */
    private Path log() {
        return workDir.resolve(INPUT + ".out");
    }

    private long logLength() {
        try {
            return Files.exists(log()) ? Files.size(log()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String readLog() {
        Path p = log();
        if (!Files.exists(p)) {
            return "";
        }
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            long len = f.length();
            if (len < logOffset) {
                logOffset = 0;
            }
            byte[] b = new byte[(int) (len - logOffset)];
            f.seek(logOffset);
            f.readFully(b);
            logOffset = len;
            return new String(b, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CP2K's log " + p, e);
        }
    }

    /** @return the text of CP2K's ABORT box in its log, or null */
    private String cp2kAbortMessage() {
        try {
            Path p = log();
            if (!Files.exists(p)) {
                return null;
            }
            List<String> lines = Files.readAllLines(p, StandardCharsets.US_ASCII);
            for (int k = lines.size() - 1; k >= 0; k--) {
                if (lines.get(k).contains("[ABORT]")) {
                    StringBuilder b = new StringBuilder();
                    for (int j = k + 1; j < lines.size() && !lines.get(j).strip().matches("\\*+"); j++) {
                        String t = lines.get(j).replaceAll("^[\\s*\\\\/_|]+", "").replaceAll("[\\s*]+$", "");
                        if (!t.isEmpty()) {
                            b.append(b.length() > 0 ? " " : "").append(t);
                        }
                    }
                    return b.toString();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String join(double[] v, int from, int count) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < from + count; k++) {
            b.append(String.format(Locale.ROOT, "%.15e ", v[k]));
        }
        return b.toString().strip();
    }

    private static double number(List<String> lines, String what) {
        return numbers(lines, 1, what)[0];
    }

    private static double[] numbers(List<String> lines, int count, String what) {
        List<Double> v = new ArrayList<>();
        for (String l : lines) {
            for (String tok : l.strip().split("\\s+")) {
                if (!tok.isEmpty()) {
                    v.add(parse(tok, what));
                }
            }
        }
        if (v.size() != count) {
            throw new Cp2kProcessException("CP2K's answer to " + what + " has " + v.size() + " numbers, expected "
                    + count + ": " + lines);
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** An answer of the form: count line, values, {@code * END}. */
    private static double[] vector(List<String> lines, int count, String what) {
        if (lines.isEmpty() || !lines.get(lines.size() - 1).strip().equals("* END")) {
            throw new Cp2kProcessException("CP2K's answer to " + what + " is incomplete: " + lines);
        }
        int declared = (int) parse(lines.get(0).strip(), what);
        if (declared != count) {
            throw new Cp2kProcessException("CP2K's answer to " + what + " declares " + declared + " values, expected "
                    + count);
        }
        return numbers(lines.subList(1, lines.size() - 1), count, what);
    }

    private static double parse(String tok, String what) {
        try {
            return Double.parseDouble(tok.replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw new Cp2kProcessException("CP2K's answer to " + what + " has '" + tok + "', not a number");
        }
    }

    private void stop() {
        if (shell != null) {
            shell.kill();
            shell = null;
        }
    }

    /** Kills the CP2K process without the orderly EXIT (for tests of the restart path). */
    void killProcessForTest() {
        if (shell != null) {
            shell.kill();
        }
    }

    @Override
    public void close() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    /** Options of a {@link Cp2kCalculator}. */
    public static final class Builder {
        private List<String> command = List.of("cp2k_shell");
        private String inputText = Cp2kPreset.PAPER_LDA.template();
        private String inputName = Cp2kPreset.PAPER_LDA.label();
        private final Map<String, Cp2kPreset.Kind> kinds = new LinkedHashMap<>(Cp2kPreset.PAPER_LDA.kinds());
        private Path workDir;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration timeout = Duration.ofHours(1);
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int retries = 1;
        private boolean acceptUnconverged;
        private boolean atomicUnits = true;

        private Builder() {
            if (System.getenv("OMP_NUM_THREADS") == null) {
                environment.put("OMP_NUM_THREADS", "1");
            }
        }

        /**
         * @param argv the command that starts a CP2K shell, as separate arguments (never a shell string), e.g.
         *     {@code "mpirun", "-np", "4", "cp2k_shell.psmp"}
         * @return this
         */
        public Builder command(String... argv) {
            if (argv.length == 0) {
                throw new IllegalArgumentException("The CP2K command needs at least the program");
            }
            this.command = List.of(argv);
            return this;
        }

        /**
         * @param value a built-in input (its kinds replace the current ones)
         * @return this
         */
        public Builder preset(Cp2kPreset value) {
            this.inputText = value.template();
            this.inputName = value.label();
            this.kinds.clear();
            this.kinds.putAll(value.kinds());
            return this;
        }

        /**
         * Your own input: a template with {@code {{CELL}}}, {@code {{COORD}}}, {@code {{KINDS}}} (and optionally
         * {@code {{PROJECT}}}) placeholders, or a complete input whose atoms match the structures.
         *
         * @param file the input file
         * @return this
         */
        public Builder input(Path file) {
            try {
                this.inputText = Files.readString(file);
            } catch (IOException e) {
                throw new CalculatorSetupException("Cannot read the CP2K input " + file + ": " + e.getMessage(), e);
            }
            this.inputName = file.getFileName().toString();
            return this;
        }

        /**
         * @param element element symbol
         * @param basis basis set name
         * @param potential pseudopotential name
         * @return this
         */
        public Builder kind(String element, String basis, String potential) {
            kinds.put(element, new Cp2kPreset.Kind(basis, potential));
            return this;
        }

        /**
         * @param dir working directory of the process (default: a new temporary directory); one per calculator
         * @return this
         */
        public Builder workDirectory(Path dir) {
            this.workDir = dir;
            return this;
        }

        /**
         * @param name environment variable for the CP2K process (OMP_NUM_THREADS is 1 unless set here or in the
         *     environment Java was started with)
         * @param value its value
         * @return this
         */
        public Builder environment(String name, String value) {
            environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * @param value limit for one energy-and-forces evaluation (default 1 h)
         * @return this
         */
        public Builder timeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("Timeout must be positive, got " + value);
            }
            this.timeout = value;
            return this;
        }

        /**
         * @param value limit for starting the shell, loading the input, and each short command (setting positions,
         *     reading results), default 120 s; a start-up that takes longer kills the process and its children
         * @return this
         */
        public Builder startupTimeout(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("Start-up timeout must be positive, got " + value);
            }
            this.startupTimeout = value;
            return this;
        }

        /**
         * @param value restarts and retries after a crash or timeout (default 1; 0 to fail at once)
         * @return this
         */
        public Builder retries(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("Retries must be ≥ 0, got " + value);
            }
            this.retries = value;
            return this;
        }

        /**
         * @param value accept an unconverged SCF with a warning instead of raising {@link ScfNotConvergedException}
         * @return this
         */
        public Builder acceptUnconvergedScf(boolean value) {
            this.acceptUnconverged = value;
            return this;
        }

        /**
         * @param value true (default): talk to the shell in bohr and hartree; false: switch it to eV and Å
         * @return this
         */
        public Builder atomicUnits(boolean value) {
            this.atomicUnits = value;
            return this;
        }

        /** @return whether the configured program can be found (on PATH, or as a path) */
        public boolean isInstalled() {
            return executable(command.get(0));
        }

        /**
         * @return the calculator (CP2K starts on the first evaluation)
         * @throws CalculatorSetupException if the program is missing
         */
        public Cp2kCalculator build() {
            if (!executable(command.get(0))) {
                throw new CalculatorSetupException("CP2K command '" + command.get(0) + "' not found or not "
                        + "executable; install CP2K (Debian: apt-get install cp2k) or configure the command");
            }
            if (workDir == null) {
                try {
                    workDir = Files.createTempDirectory("proxima-cp2k-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Cp2kCalculator(this);
        }
    }
}
