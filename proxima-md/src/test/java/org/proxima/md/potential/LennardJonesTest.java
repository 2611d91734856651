package org.proxima.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.model.Cell;
import org.proxima.core.model.Structure;
import org.proxima.core.model.StructureBuilder;
import org.proxima.core.testing.ForceCalculatorContract;
import org.proxima.core.testing.TestStructures;

class LennardJonesTest extends ForceCalculatorContract {

    @Override
    protected ForceCalculator calculator() {
        return LennardJones.builder().element("Ar", 0.0104, 3.40).element("Kr", 0.0140, 3.65).cutoffA(8.0).build();
    }

    @Override
    protected List<Structure> structures() {
        Random rng = new Random(7);
        // fcc argon-krypton mixture in a small triclinic cell (smaller than twice the cutoff)
        StructureBuilder b = Structure.builder(Cell.cubic(5.4));
        double[][] fcc = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
        for (int k = 0; k < fcc.length; k++) {
            b.addFractional(k % 2 == 0 ? "Ar" : "Kr", fcc[k][0], fcc[k][1], fcc[k][2]);
        }
        Structure s = b.build();
        return List.of(TestStructures.rattle(s, 0.2, rng),
                TestStructures.randomTriclinic(TestStructures.rattle(s.repeat(2, 1, 1), 0.2, rng), 0.1, rng));
    }

    @Test
    void dimerEnergyMatchesFormula() {
        Cell box = Cell.of(new org.ejml.data.DMatrix3x3(30, 0, 0, 0, 30, 0, 0, 0, 30), false, false, false);
        double r = 3.9;
        Structure dimer = Structure.builder(box).add("Ar", 1, 1, 1).add("Ar", 1 + r, 1, 1).build();
        double eps = 0.0104;
        double sigma = 3.4;
        double rc = 8.5;
        try (LennardJones lj = LennardJones.uniform(eps, sigma, rc, List.of("Ar"))) {
            CalculationResult res = lj.calculate(dimer);
            double e = 4 * eps * (Math.pow(sigma / r, 12) - Math.pow(sigma / r, 6))
                    - 4 * eps * (Math.pow(sigma / rc, 12) - Math.pow(sigma / rc, 6));
            double f = 4 * eps * (12 * Math.pow(sigma / r, 12) - 6 * Math.pow(sigma / r, 6)) / r;
            assertEquals(e, res.energyEv(), 1e-15);
            assertEquals(-f, res.forceEvPerA(0, 0), 1e-15);
            assertEquals(f, res.forceEvPerA(1, 0), 1e-15);
        }
    }

    @Test
    void badParametersFail() {
        assertThrows(IllegalArgumentException.class, () -> LennardJones.uniform(0.01, 3.4, 0.0, List.of("Ar")));
        assertThrows(IllegalArgumentException.class, () -> LennardJones.uniform(0.01, -1, 5, List.of("Ar")));
        assertThrows(IllegalArgumentException.class, () -> LennardJones.uniform(0.01, 3.4, 5, List.of("Xx")));
    }
}
