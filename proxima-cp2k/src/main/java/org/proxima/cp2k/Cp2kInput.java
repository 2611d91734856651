package org.proxima.cp2k;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.proxima.core.calc.CalculatorSetupException;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;

/**
 * Renders a CP2K input for a structure. A template holds the placeholders {@code {{PROJECT}}}, {@code {{CELL}}}
 * (a {@code &CELL} section with A, B, C in Å and the periodicity), {@code {{COORD}}} (a {@code &COORD} section in
 * Å) and {@code {{KINDS}}} (one {@code &KIND} per element, with its basis set and pseudopotential); a complete
 * input without placeholders is used as it is (its geometry is then replaced through the shell before every
 * evaluation, so its atom count and order must match the structures).
 */
public final class Cp2kInput {

    private final String text;
    private final Map<String, Cp2kPreset.Kind> kinds;

    /**
     * @param text template or complete input
     * @param kinds basis set and pseudopotential per element
     */
    public Cp2kInput(String text, Map<String, Cp2kPreset.Kind> kinds) {
        this.text = text;
        this.kinds = new LinkedHashMap<>(kinds);
    }

    /** @return whether the text has placeholders to fill */
    public boolean isTemplate() {
        return text.contains("{{COORD}}") || text.contains("{{CELL}}");
    }

    /**
     * @param project CP2K project name
     * @param s the structure
     * @return the input text
     * @throws CalculatorSetupException if the template lacks a placeholder or an element has no kind
     */
    public String render(String project, Structure s) {
        if (!isTemplate()) {
            return text;
        }
        for (String p : new String[] {"{{CELL}}", "{{COORD}}", "{{KINDS}}"}) {
            if (!text.contains(p)) {
                throw new CalculatorSetupException("CP2K template lacks the placeholder " + p
                        + " (a template needs {{CELL}}, {{COORD}} and {{KINDS}})");
            }
        }
        return text.replace("{{PROJECT}}", project).replace("{{CELL}}", cell(s.cell()))
                .replace("{{COORD}}", coord(s)).replace("{{KINDS}}", kinds(s));
    }

    private static String cell(Cell c) {
        StringBuilder b = new StringBuilder("    &CELL\n");
        String[] names = {"A", "B", "C"};
        for (int r = 0; r < 3; r++) {
            b.append(String.format(Locale.ROOT, "      %s %.12f %.12f %.12f%n", names[r], c.get(r, 0), c.get(r, 1),
                    c.get(r, 2)));
        }
        boolean[] pbc = c.pbc();
        String periodic = (pbc[0] ? "X" : "") + (pbc[1] ? "Y" : "") + (pbc[2] ? "Z" : "");
        b.append("      PERIODIC ").append(periodic.isEmpty() ? "NONE" : periodic).append('\n');
        b.append("    &END CELL");
        return b.toString();
    }

    private static String coord(Structure s) {
        StringBuilder b = new StringBuilder("    &COORD\n");
        for (int i = 0; i < s.size(); i++) {
            b.append(String.format(Locale.ROOT, "      %-3s %.12f %.12f %.12f%n", s.symbol(i), s.position(i, 0),
                    s.position(i, 1), s.position(i, 2)));
        }
        b.append("    &END COORD");
        return b.toString();
    }

    private String kinds(Structure s) {
        Set<String> elements = new TreeSet<>(s.species());
        StringBuilder b = new StringBuilder();
        for (String e : elements) {
            Cp2kPreset.Kind k = kinds.get(e);
            if (k == null) {
                throw new CalculatorSetupException("The CP2K input has no basis set and pseudopotential for " + e
                        + "; add one with Cp2kCalculator.Builder.kind(\"" + e + "\", basis, potential)");
            }
            b.append("    &KIND ").append(e).append('\n');
            b.append("      BASIS_SET ").append(k.basis()).append('\n');
            b.append("      POTENTIAL ").append(k.potential()).append('\n');
            b.append("    &END KIND\n");
        }
        return b.toString().stripTrailing();
    }
}
