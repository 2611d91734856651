package org.proxima.cp2k;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Built-in CP2K inputs (templates with {@code {{PROJECT}}}, {@code {{CELL}}}, {@code {{COORD}}} and
 * {@code {{KINDS}}} placeholders) and the basis set and pseudopotential of each element they know.
 */
public enum Cp2kPreset {
    /**
     * The paper's target: LDA (Slater + Perdew–Zunger), GPW, SZV-MOLOPT-SR-GTH, CUTOFF 250 Ry, REL_CUTOFF 60 Ry,
     * NGRIDS 5, Γ point, ADDED_MOS 60, Broyden mixing (α 0.4), Fermi–Dirac smearing at 300 K, analytical stress;
     * with the LDA pseudopotential GTH-PADE-q4 where the paper's code used GTH-BLYP-q4.
     */
    PAPER_LDA("paper-lda", Map.of("Si", new Kind("SZV-MOLOPT-SR-GTH", "GTH-PADE-q4"))),
    /**
     * The tested inputs of {@code reference/cp2k}: LDA (PADE), DZVP-MOLOPT-SR-GTH, GTH-PADE-q4, CUTOFF 300 Ry,
     * REL_CUTOFF 50 Ry, EPS_SCF 1e-7, diagonalisation with Fermi–Dirac smearing (300 K) and Broyden mixing.
     */
    SI_ACCURATE("si-accurate", Map.of("Si", new Kind("DZVP-MOLOPT-SR-GTH", "GTH-PADE-q4")));

    /**
     * Basis set and pseudopotential of one element.
     *
     * @param basis basis set name (in BASIS_MOLOPT)
     * @param potential pseudopotential name (in GTH_POTENTIALS)
     */
    public record Kind(String basis, String potential) {
    }

    private final String label;
    private final Map<String, Kind> kinds;

    Cp2kPreset(String label, Map<String, Kind> kinds) {
        this.label = label;
        this.kinds = kinds;
    }

    /** @return the preset's name, e.g. {@code paper-lda} */
    public String label() {
        return label;
    }

    /** @return the elements the preset knows, with their basis and pseudopotential */
    public Map<String, Kind> kinds() {
        return kinds;
    }

    /** @return the template text */
    public String template() {
        try (InputStream in = Cp2kPreset.class.getResourceAsStream(label + ".inp")) {
            if (in == null) {
                throw new IllegalStateException("Preset resource " + label + ".inp is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name {@code paper-lda} or {@code si-accurate}
     * @return the preset, or null if the name is not a preset
     */
    public static Cp2kPreset byName(String name) {
        for (Cp2kPreset p : values()) {
            if (p.label.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }
}
