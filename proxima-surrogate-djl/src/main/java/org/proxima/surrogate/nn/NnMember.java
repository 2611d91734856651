package org.proxima.surrogate.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ensemble member: a network per species (in the descriptor's species order) and per-species reference
 * energies (eV), so that E = Σ_i [NN_{s_i}(G_i) + E_ref,{s_i}].
 *
 * @param networks one network per species
 * @param referenceEnergiesEv one reference energy per species, eV
 */
public record NnMember(List<MlpWeights> networks, double[] referenceEnergiesEv) {

    /**
     * Copies.
     */
    public NnMember {
        networks = List.copyOf(networks);
        referenceEnergiesEv = referenceEnergiesEv.clone();
        if (networks.size() != referenceEnergiesEv.length) {
            throw new IllegalArgumentException("One network and one reference energy per species are needed");
        }
    }

    @Override
    public double[] referenceEnergiesEv() {
        return referenceEnergiesEv.clone();
    }

    /** @return a JSON-ready map */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Object> nets = new ArrayList<>();
        networks.forEach(w -> nets.add(w.toMap()));
        m.put("networks", nets);
        m.put("reference_energies_eV", referenceEnergiesEv);
        return m;
    }

    /**
     * @param m a map written by {@link #toMap()}
     * @return the member
     */
    @SuppressWarnings("unchecked")
    public static NnMember fromMap(Map<String, Object> m) {
        List<MlpWeights> nets = new ArrayList<>();
        for (Object o : (List<Object>) m.get("networks")) {
            nets.add(MlpWeights.fromMap((Map<String, Object>) o));
        }
        double[] ref = ((List<Object>) m.get("reference_energies_eV")).stream()
                .mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        return new NnMember(nets, ref);
    }
}
