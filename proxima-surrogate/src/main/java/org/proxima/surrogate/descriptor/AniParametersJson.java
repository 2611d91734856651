package org.proxima.surrogate.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** (De)serialises {@link AniParameters} for saved models. */
public final class AniParametersJson {

    private AniParametersJson() {
    }

    /**
     * @param p parameters
     * @return a JSON-ready map
     */
    public static Map<String, Object> toMap(AniParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("species", p.species());
        m.put("radial_cutoff_A", p.radialCutoffA());
        m.put("radial_eta_per_A2", p.radialEta());
        m.put("radial_shifts_A", p.radialShifts());
        m.put("angular_cutoff_A", p.angularCutoffA());
        m.put("angular_eta_per_A2", p.angularEta());
        m.put("zeta", p.zeta());
        m.put("angular_shifts_A", p.angularShifts());
        m.put("angle_sections_rad", p.angleSections());
        if (p.angularForm() != AniParameters.AngularForm.ANI) { // older readers and files know only the ANI form
            m.put("angular_form", p.angularForm().name().toLowerCase(java.util.Locale.ROOT));
            m.put("legendre_degree", p.legendreDegree());
        }
        return m;
    }

    /**
     * @param m a map written by {@link #toMap}
     * @return the parameters
     */
    @SuppressWarnings("unchecked")
    public static AniParameters fromMap(Map<String, Object> m) {
        List<String> species = new ArrayList<>();
        for (Object o : (List<Object>) m.get("species")) {
            species.add((String) o);
        }
        Object form = m.getOrDefault("angular_form", "ani");
        AniParameters.AngularForm angularForm;
        try {
            angularForm = AniParameters.AngularForm.valueOf(String.valueOf(form).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Saved model has an unknown angular form '" + form + "'", e);
        }
        int degree = angularForm == AniParameters.AngularForm.ANI ? 0 : (int) num(m, "legendre_degree");
        return new AniParameters(species, num(m, "radial_cutoff_A"), num(m, "radial_eta_per_A2"),
                array(m, "radial_shifts_A"), num(m, "angular_cutoff_A"), num(m, "angular_eta_per_A2"),
                num(m, "zeta"), array(m, "angular_shifts_A"), array(m, "angle_sections_rad"), angularForm, degree);
    }

    /** The newest ensemble format version this build reads (see {@link #ensembleFormatVersion}). */
    public static final long NEWEST_ENSEMBLE_FORMAT = 2;

    /**
     * The format version an ensemble built on these parameters writes: 1 for the ANI form (the files every earlier
     * build reads, unchanged), 2 for the product form, so that a build which does not know it refuses the file by
     * its version instead of failing on its descriptor map.
     *
     * @param p the ensemble's descriptor parameters
     * @return the version
     */
    public static long ensembleFormatVersion(AniParameters p) {
        return p.angularForm() == AniParameters.AngularForm.ANI ? 1 : 2;
    }

    /**
     * Refuses an ensemble map whose format version this build does not read (1 … {@value #NEWEST_ENSEMBLE_FORMAT}).
     *
     * @param m the ensemble's map
     * @param what the kind of ensemble, for the message
     * @throws IllegalArgumentException naming the version found
     */
    public static void requireEnsembleFormatVersion(Map<String, Object> m, String what) {
        if (!(m.get("format_version") instanceof Number v) || v.longValue() < 1
                || v.longValue() > NEWEST_ENSEMBLE_FORMAT) {
            throw new IllegalArgumentException(what + " of format version " + m.get("format_version")
                    + "; this Proxima reads versions 1 to " + NEWEST_ENSEMBLE_FORMAT);
        }
    }

    /**
     * @param m map
     * @param key key
     * @return the number
     */
    public static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("Saved model lacks the number '" + key + "'");
        }
        return n.doubleValue();
    }

    /**
     * @param m map
     * @param key key
     * @return the numbers
     */
    @SuppressWarnings("unchecked")
    public static double[] array(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("Saved model lacks the array '" + key + "'");
        }
        double[] out = new double[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = ((Number) ((List<Object>) l).get(k)).doubleValue();
        }
        return out;
    }
}
