package org.proxima.core.blend;

import java.util.List;
import java.util.Random;

import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.MorsePotential;
import org.proxima.core.testing.SyntheticEnsemble;
import org.proxima.core.testing.TestStructures;

/** Shared structures and models of the blending tests. */
final class BlendingFixtures {

    static final Structure BASE = Crystals.diamondCubic("Si", 5.43);

    private BlendingFixtures() {
    }

    /** A slowly wandering sequence of structures (like MD frames). */
    static Structure[] wander(int count, double stepA, long seed) {
        Random rng = new Random(seed);
        Structure[] out = new Structure[count];
        Structure s = TestStructures.rattle(BASE, 0.05, rng);
        for (int k = 0; k < count; k++) {
            s = TestStructures.rattle(s, stepA, rng);
            out[k] = s;
        }
        return out;
    }

    static MorsePotential target() {
        return MorsePotential.siliconLike();
    }

    /** A trained synthetic ensemble (amplitude 0.05 eV/Å near BASE). */
    static SyntheticEnsemble trained(MorsePotential target) {
        return SyntheticEnsemble.untrained(target, 2, 0.05, 0.5).pretrained(List.of(BASE));
    }
}
