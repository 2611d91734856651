package org.proxima.md.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.proxima.core.testing.ArrayAssertions.assertArrayClose;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.CalculatorSetupException;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.io.Frame;
import org.proxima.core.model.Structure;
import org.proxima.core.testing.ForceCalculatorContract;
import org.proxima.core.testing.TestStructures;

class StillingerWeberTest extends ForceCalculatorContract {

    @Override
    protected ForceCalculator calculator() {
        return StillingerWeber.silicon();
    }

    @Override
    protected List<Structure> structures() {
        Random rng = new Random(42);
        Structure si8 = TestStructures.diamond("Si", 5.431, 1);
        return List.of(
                TestStructures.rattle(si8, 0.15, rng),
                TestStructures.randomTriclinic(TestStructures.rattle(si8, 0.2, rng), 0.08, rng),
                TestStructures.randomTriclinic(TestStructures.rattle(TestStructures.diamond("Si", 5.43, 2)
                        .without(0), 0.25, rng), 0.1, rng));
    }

    static List<String> configs() {
        return List.of(LammpsReference.SINGLE_POINTS);
    }

    /** LAMMPS single points: energy to 1e-9 relative, forces to 1e-8 eV/Å, stress to 1e-10 eV/Å³. */
    @ParameterizedTest
    @MethodSource("configs")
    void matchesLammps(String config) {
        Frame ref = LammpsReference.singlePoint(config);
        CalculationResult expected = ref.result();
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            CalculationResult r = sw.calculate(ref.structure());
            assertEquals(expected.energyEv(), r.energyEv(), 1e-9 * Math.abs(expected.energyEv()), config + " energy");
            assertArrayClose(expected.forcesEvPerA(), r.forcesEvPerA(), 1e-8, config + " forces");
            assertArrayClose(expected.stressEvPerA3(), r.stressEvPerA3(), 1e-10, config + " stress");
            assertArrayClose(expected.energiesEv(), r.energiesEv(), 1e-9, config + " per-atom energies");
        }
    }

    @Test
    void idealCrystalEnergyPerAtomIsMinus4Point3366() {
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            Structure si = TestStructures.diamond("Si", 5.431, 2);
            CalculationResult r = sw.calculate(si);
            assertEquals(-4.3366000, r.energyEv() / si.size(), 5e-7);
            assertTrue(r.maxForceEvPerA() < 1e-12);
        }
    }

    @Test
    void stretchedCrystalHasTensilePositiveStress() {
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            CalculationResult r = sw.calculate(TestStructures.diamond("Si", 5.50, 1));
            assertTrue(r.stressEvPerA3(0) > 0, "ASE sign: a stretched crystal pulls back, σ > 0");
        }
    }

    @Test
    void neighbourListSurvivesSmallMovesAndGivesSameAnswerAsFreshList() {
        Random rng = new Random(5);
        Structure s = TestStructures.rattle(TestStructures.diamond("Si", 5.43, 2), 0.1, rng);
        try (StillingerWeber persistent = StillingerWeber.silicon()) {
            persistent.calculate(s);
            for (int step = 0; step < 20; step++) {
                s = TestStructures.rattle(s, 0.02, rng);
                CalculationResult a = persistent.calculate(s);
                try (StillingerWeber fresh = StillingerWeber.silicon()) {
                    CalculationResult b = fresh.calculate(s);
                    assertEquals(b.energyEv(), a.energyEv(), 1e-10);
                    assertArrayClose(b.forcesEvPerA(), a.forcesEvPerA(), 1e-10, "forces");
                }
            }
            assertTrue(persistent.neighborListRebuilds() < 20, "skin must save rebuilds");
        }
    }

    @Test
    void missingTripletFailsFastNamingIt() throws Exception {
        String text = "Si Si Si 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n"
                + "C C C 2.1683 2.0951 1.80 21.0 1.20 -0.333333333333 7.049556277 0.6022245584 4.0 0.0 0.0\n";
        StillingerWeberParameters p = StillingerWeberParameters.parse(new BufferedReader(new StringReader(text)),
                "test.sw");
        CalculatorSetupException e = assertThrows(CalculatorSetupException.class,
                () -> new StillingerWeber(p, 1.0));
        assertTrue(e.getMessage().contains("Si Si C") || e.getMessage().contains("Si C"), e.getMessage());
    }

    @Test
    void truncatedEntryFailsWithLine() {
        String text = "# comment\nSi Si Si 2.1683 2.0951 1.80 21.0\n";
        CalculatorSetupException e = assertThrows(CalculatorSetupException.class,
                () -> StillingerWeberParameters.parse(new BufferedReader(new StringReader(text)), "bad.sw"));
        assertTrue(e.getMessage().contains("bad.sw") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void unknownElementInStructureFails() {
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            Structure ge = TestStructures.diamond("Ge", 5.66, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sw.calculate(ge));
            assertTrue(e.getMessage().contains("'Ge'"), e.getMessage());
        }
    }

    @Test
    void overlappingAtomsFailClearly() {
        Structure s = TestStructures.diamond("Si", 5.43, 1);
        double[] x = s.positionsA();
        x[3] = x[0];
        x[4] = x[1];
        x[5] = x[2];
        try (StillingerWeber sw = StillingerWeber.silicon()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> sw.calculate(s.withPositions(x)));
            assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        }
    }
}
