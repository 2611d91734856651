package org.proxima.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OwnMdLoopExampleTest {

    @Test
    void theDocumentedEmbeddingRunsHandsStepsToTheSurrogateAndConservesEnergy() {
        OwnMdLoopExample.Outcome o = OwnMdLoopExample.run(400, 3);
        assertTrue(o.last().modelVersion() >= 1, "trained during the run");
        assertTrue(o.last().targetCalls() < 300, "the surrogate took over steps: " + o.last().targetCalls());
        // velocity Verlet at 1 fs conserves the energy of SW Si at 800 K to ~5e-5 eV/atom here; blending between two
        // conservative models must not spoil that once the switching work is accounted for
        assertTrue(Math.abs(o.conservedChangeEvPerAtom()) < 5e-4, "change " + o.conservedChangeEvPerAtom());
    }
}
