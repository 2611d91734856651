package org.proxima.md;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.io.ExtXyzReader;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.Bussi;
import org.proxima.md.integrate.Langevin;
import org.proxima.md.integrate.MelchionnaNpt;
import org.proxima.md.integrate.NoseHooverChain;
import org.proxima.md.integrate.VelocityVerlet;
import org.proxima.md.observe.ThermoLogger;
import org.proxima.md.observe.TrajectoryWriter;
import org.proxima.md.potential.StillingerWeber;

class MolecularDynamicsTest {

    @TempDir
    Path dir;

    /** Counts calls and fails on request. */
    private static final class CountingCalculator implements ForceCalculator {
        private final ForceCalculator inner = StillingerWeber.silicon();
        int calls;
        int failAt = Integer.MAX_VALUE;

        @Override
        public CalculationResult calculate(Structure s) {
            if (++calls == failAt) {
                throw new CalculationFailedException("simulated crash of the target");
            }
            return inner.calculate(s);
        }

        @Override
        public Set<Property> implementedProperties() {
            return inner.implementedProperties();
        }
    }

    private static MdState hotState(long seed) {
        MdState s = MdState.of(Crystals.diamondVacancy("Si", 5.43), seed);
        Velocities.maxwellBoltzmann(s, 800, seed);
        return s;
    }

    @Test
    void calculatorIsCalledOncePerStepAndObserversSeeStepZero() {
        CountingCalculator calc = new CountingCalculator();
        List<Long> seen = new ArrayList<>();
        try (MolecularDynamics md = MolecularDynamics.builder(hotState(1), calc, VelocityVerlet.of(1))
                .observer(s -> seen.add(s.step()), 5).build()) {
            md.run(20);
            md.run(10);
        }
        assertEquals(31, calc.calls, "one initial evaluation plus one per step");
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 25L, 30L), seen);
    }

    @Test
    void failureMidRunKeepsTheOutputAndNamesTheStep() throws Exception {
        CountingCalculator calc = new CountingCalculator();
        calc.failAt = 13; // initial evaluation + 11 steps succeed, step 12 fails
        Path thermo = dir.resolve("thermo.csv");
        Path traj = dir.resolve("traj.extxyz");
        MdRunException e;
        try (MolecularDynamics md = MolecularDynamics.builder(hotState(2), calc, VelocityVerlet.of(1))
                .observer(ThermoLogger.create(thermo, List.of()), 1)
                .observer(TrajectoryWriter.create(traj), 5).build()) {
            e = assertThrows(MdRunException.class, () -> md.run(100));
            assertEquals(11, md.state().step());
        }
        assertEquals(11, e.step());
        assertTrue(e.getMessage().contains("step 11") && e.getMessage().contains("simulated crash"), e.getMessage());
        List<String> lines = Files.readAllLines(thermo);
        assertEquals(13, lines.size(), "header + steps 0..11");
        assertTrue(lines.get(0).startsWith("step,time_fs,potential_energy_eV"));
        assertEquals(3, ExtXyzReader.readAll(traj).size(), "frames at steps 0, 5, 10");
        assertEquals(10L, ExtXyzReader.readAll(traj).get(2).info().get("step"));
    }

    @Test
    void aRunThatBlowsUpStopsNamingTheStepAndTheQuantityAndKeepsTheOutput() throws Exception {
        Path thermo = dir.resolve("blowup.csv");
        MdState state = MdState.of(Crystals.diamondVacancy("Si", 5.43), 1);
        Velocities.maxwellBoltzmann(state, 3000, 1);
        MdRunException e;
        try (MolecularDynamics md = MolecularDynamics.builder(state, StillingerWeber.silicon(), VelocityVerlet.of(20))
                .observer(ThermoLogger.create(thermo, List.of()), 1).build()) {
            e = assertThrows(MdRunException.class, () -> md.run(200));
        }
        assertTrue(e.getMessage().contains("blew up at step " + (e.step() + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("temperature") || e.getMessage().contains("moved"), e.getMessage());
        assertTrue(e.step() < 20, "caught early, not after 200 steps of nonsense: step " + e.step());
        assertEquals(e.step() + 2, Files.readAllLines(thermo).size(), "header + every sane step");
        assertThrows(IllegalArgumentException.class, () -> new SanityLimits(0, 1));
        // the same run with the limits lifted goes on to absurd temperatures (what the check prevents)
        MdState unchecked = MdState.of(Crystals.diamondVacancy("Si", 5.43), 1);
        Velocities.maxwellBoltzmann(unchecked, 3000, 1);
        try (MolecularDynamics md = MolecularDynamics.builder(unchecked, StillingerWeber.silicon(),
                VelocityVerlet.of(20)).sanityLimits(new SanityLimits(Double.POSITIVE_INFINITY,
                        Double.POSITIVE_INFINITY)).build()) {
            md.run(50);
        }
        assertTrue(unchecked.temperatureK(3 * unchecked.size()) > 1e5, "T = " + unchecked.temperatureK(189));
    }

    @Test
    void aContinuedTrajectoryKeepsTheVelocityColumnItWasStartedWith() throws Exception {
        Path old = dir.resolve("old.extxyz");
        MdState state = hotState(3);
        org.proxima.core.io.ExtXyzWriter.writeAll(old, List.of(org.proxima.core.io.Frame.of(state.toStructure())
                .withVelocities(state.velocities(), org.proxima.core.io.Frame.VELOCITIES)));
        Path fresh = dir.resolve("new.extxyz");
        try (MolecularDynamics md = MolecularDynamics.builder(state, StillingerWeber.silicon(), VelocityVerlet.of(1))
                .observer(TrajectoryWriter.append(old, java.util.Map.of()), 2)
                .observer(TrajectoryWriter.create(fresh), 2).build()) {
            md.run(4);
        }
        List<String> oldHeaders = Files.readAllLines(old).stream().filter(l -> l.startsWith("Lattice=")).toList();
        assertEquals(4, oldHeaders.size(), "the old frame and steps 0, 2, 4");
        assertTrue(oldHeaders.stream().allMatch(h -> h.contains("velocities:R:3") && !h.contains("momenta")),
                oldHeaders.toString());
        List<String> newHeaders = Files.readAllLines(fresh).stream().filter(l -> l.startsWith("Lattice=")).toList();
        assertTrue(newHeaders.stream().allMatch(h -> h.contains("momenta:R:3") && !h.contains("velocities")),
                newHeaders.toString());
        assertArrayEquals(ExtXyzReader.readAll(old).get(3).velocitiesAPerFs().orElseThrow(),
                ExtXyzReader.readAll(fresh).get(2).velocitiesAPerFs().orElseThrow(), 1e-15);
    }

    @Test
    void overlappingAtomsAreRejectedAtTheStart() {
        Structure s = Crystals.diamondCubic("Si", 5.43);
        double[] x = s.positionsA();
        x[3] = 0.3;
        x[4] = 0.3;
        x[5] = 0.3; // 0.52 Å from atom 0
        MdState state = MdState.of(s.withPositions(x), 1);
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, VelocityVerlet.of(1)).build()) {
            MdRunException e = assertThrows(MdRunException.class, () -> md.run(1));
            assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        }
    }

    @Test
    void badParametersAreRejectedWithTheValue() {
        IllegalArgumentException dt = assertThrows(IllegalArgumentException.class, () -> VelocityVerlet.of(0));
        assertTrue(dt.getMessage().contains("0.0"), dt.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Langevin.of(1, -5, 0.01));
        assertThrows(IllegalArgumentException.class, () -> Bussi.of(1, 300, 0));
        assertThrows(IllegalArgumentException.class, () -> NoseHooverChain.builder(1, 300, 25).chainLength(0).build());
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> BarostatMask.parse("1,1,2,0,0,0"));
        assertTrue(mask.getMessage().contains("'2'"), mask.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BarostatMask.parse("1,1,1"));
    }

    @Test
    void nptNeedsStressFromTheCalculator() {
        ForceCalculator noStress = new ForceCalculator() {
            final StillingerWeber sw = StillingerWeber.silicon();

            @Override
            public CalculationResult calculate(Structure s) {
                CalculationResult r = sw.calculate(s);
                return new CalculationResult(r.energyEv(), r.forcesEvPerA(), null, null);
            }

            @Override
            public Set<Property> implementedProperties() {
                return EnumSet.of(Property.ENERGY, Property.FORCES);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MolecularDynamics.builder(hotState(1), noStress, MelchionnaNpt.builder(1, 800).build()).build());
        assertTrue(e.getMessage().contains("STRESS"), e.getMessage());
    }

    @Test
    void copiedStateContinuesIdentically() {
        // stochastic integrator: the copy must carry the RNG state and the thermostat variables
        for (boolean bussi : new boolean[] {true, false}) {
            MdState a = hotState(5);
            Integrator ia = bussi ? Bussi.of(1, 800, 25) : Langevin.of(1, 800, 0.01);
            MdState b;
            try (StillingerWeber sw = StillingerWeber.silicon();
                    MolecularDynamics md = MolecularDynamics.builder(a, sw, ia).build()) {
                md.run(50);
                b = a.copy();
                md.run(50);
            }
            Integrator ib = bussi ? Bussi.of(1, 800, 25) : Langevin.of(1, 800, 0.01);
            try (StillingerWeber sw = StillingerWeber.silicon();
                    MolecularDynamics md = MolecularDynamics.builder(b, sw, ib).build()) {
                md.run(50);
            }
            assertArrayEquals(a.positions(), b.positions());
            assertArrayEquals(a.velocities(), b.velocities());
            assertEquals(a.step(), b.step());
        }
    }

    @Test
    void sameSeedSameTrajectory() {
        double[][] finals = new double[2][];
        for (int r = 0; r < 2; r++) {
            MdState s = hotState(9);
            try (StillingerWeber sw = StillingerWeber.silicon();
                    MolecularDynamics md = MolecularDynamics.builder(s, sw, Langevin.of(1, 800, 0.01)).build()) {
                md.run(100);
            }
            finals[r] = s.positions().clone();
        }
        assertArrayEquals(finals[0], finals[1]);
    }
}
