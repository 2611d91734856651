package org.proxima.md.potential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.calc.CalculatorSetupException;
import org.proxima.core.model.Element;

/**
 * Stillinger–Weber parameters in LAMMPS {@code .sw} format: entries of 14 whitespace-separated words (three
 * element symbols, then ε (eV), σ (Å), a, λ, γ, cos θ₀, A, B, p, q, tol), possibly spread over several lines,
 * with {@code #} comments. As in LAMMPS, the entry (i, j, j) gives the two-body parameters of the pair i–j and
 * the three-body radial factor of the bond i–j; (i, j, k) gives λ, ε and cos θ₀ of the angle j–i–k.
 */
public final class StillingerWeberParameters {

    /** Name of the bundled original silicon parameters (Stillinger and Weber, PRB 31, 5262, 1985). */
    public static final String SILICON_RESOURCE = "Si.sw";

    /**
     * One entry.
     *
     * @param epsilonEv ε, eV
     * @param sigmaA σ, Å
     * @param a cutoff in units of σ
     * @param lambda three-body strength λ
     * @param gamma three-body range γ
     * @param cosTheta0 cos θ₀
     * @param bigA A
     * @param bigB B
     * @param p exponent p
     * @param q exponent q
     * @param tol tolerance (unused, as in LAMMPS)
     */
    public record Entry(double epsilonEv, double sigmaA, double a, double lambda, double gamma, double cosTheta0,
            double bigA, double bigB, double p, double q, double tol) {

        /** @return the cutoff a·σ, Å */
        public double cutoffA() {
            return a * sigmaA;
        }
    }

    private final Map<String, Entry> entries;
    private final String source;

    private StillingerWeberParameters(Map<String, Entry> entries, String source) {
        this.entries = Collections.unmodifiableMap(entries);
        this.source = source;
    }

    /** @return the bundled original Si parameters (ε = 2.1683 eV, σ = 2.0951 Å, cutoff 3.77118 Å) */
    public static StillingerWeberParameters silicon() {
        try (InputStream in = StillingerWeberParameters.class.getResourceAsStream(SILICON_RESOURCE)) {
            if (in == null) {
                throw new CalculatorSetupException("Bundled resource " + SILICON_RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    "bundled " + SILICON_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a LAMMPS {@code .sw} file.
     *
     * @param path the file
     * @return the parameters
     * @throws CalculatorSetupException if the file is missing or malformed
     */
    public static StillingerWeberParameters read(Path path) {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(r, path.toString());
        } catch (IOException e) {
            throw new CalculatorSetupException("Cannot read Stillinger-Weber file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code .sw} text.
     *
     * @param in the text
     * @param source name for messages
     * @return the parameters
     * @throws IOException on read errors
     */
    public static StillingerWeberParameters parse(BufferedReader in, String source) throws IOException {
        List<String> words = new ArrayList<>();
        List<Integer> wordLines = new ArrayList<>();
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            int hash = line.indexOf('#');
            String l = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (l.isEmpty()) {
                continue;
            }
            for (String w : l.split("\\s+")) {
                words.add(w);
                wordLines.add(lineNo);
            }
        }
        if (words.size() % 14 != 0) {
            throw new CalculatorSetupException(source + ": " + words.size() + " words is not a whole number of "
                    + "14-word entries (3 elements + 11 parameters); the last entry starts on line "
                    + wordLines.get(words.size() / 14 * 14));
        }
        Map<String, Entry> map = new LinkedHashMap<>();
        for (int e = 0; e < words.size(); e += 14) {
            for (int k = 0; k < 3; k++) {
                if (Element.find(words.get(e + k)).isEmpty()) {
                    throw new CalculatorSetupException(source + ":" + wordLines.get(e + k) + ": '" + words.get(e + k)
                            + "' is not an element symbol (expected 3 elements then 11 numbers)");
                }
            }
            double[] v = new double[11];
            for (int k = 0; k < 11; k++) {
                try {
                    v[k] = Double.parseDouble(words.get(e + 3 + k));
                } catch (NumberFormatException ex) {
                    throw new CalculatorSetupException(source + ":" + wordLines.get(e + 3 + k) + ": parameter "
                            + (k + 1) + " of entry " + key(words.get(e), words.get(e + 1), words.get(e + 2))
                            + " is '" + words.get(e + 3 + k) + "', not a number");
                }
            }
            Entry entry = new Entry(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
            if (!(entry.epsilonEv() >= 0 && entry.sigmaA() > 0 && entry.a() > 0 && entry.lambda() >= 0
                    && entry.gamma() >= 0 && entry.bigA() >= 0 && entry.bigB() >= 0 && entry.p() >= 0
                    && entry.q() >= 0)) {
                throw new CalculatorSetupException(source + ":" + wordLines.get(e) + ": illegal parameters for "
                        + key(words.get(e), words.get(e + 1), words.get(e + 2)) + " " + entry
                        + " (ε, λ, γ, A, B, p, q must be ≥ 0; σ and a > 0)");
            }
            map.put(key(words.get(e), words.get(e + 1), words.get(e + 2)), entry);
        }
        return new StillingerWeberParameters(map, source);
    }

    /**
     * The entry for a triplet.
     *
     * @param i central element
     * @param j second element
     * @param k third element
     * @return the entry
     * @throws CalculatorSetupException if the file has no such entry
     */
    public Entry entry(String i, String j, String k) {
        Entry e = entries.get(key(i, j, k));
        if (e == null) {
            throw new CalculatorSetupException(source + " has no entry for the element triplet "
                    + key(i, j, k) + "; a Stillinger-Weber file must define every triplet of the elements used");
        }
        return e;
    }

    /** @return the distinct elements named in the file, in order of appearance */
    public List<String> elements() {
        List<String> out = new ArrayList<>();
        for (String k : entries.keySet()) {
            for (String s : k.split(" ")) {
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** @return where the parameters came from */
    public String source() {
        return source;
    }

    private static String key(String i, String j, String k) {
        return i + " " + j + " " + k;
    }
}
