package org.proxima.md.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.analysis.ThermoStatistics;

/**
 * Conserved quantities of Stillinger–Weber Si: NVE total energy at 1000 K over 10 ps (fluctuation below 2e-4
 * eV/atom, linear drift below 1e-5 eV/atom/ps), and bounded extended-energy drift for the thermostats and
 * barostats.
 */
class EnergyConservationTest {

    private static ThermoStatistics run(Structure s, Integrator integrator, double initialK, long steps, long seed) {
        return MdRuns.run(s, integrator, initialK, steps, seed, 10);
    }

    @Test
    void nveAt1000KConservesEnergyOver10ps() {
        Structure si = Crystals.diamondCubic("Si", 5.431).repeat(2, 2, 2);
        ThermoStatistics stats = run(si, VelocityVerlet.of(1.0), 2000, 10_000, 3);
        double t = stats.temperature(2000).mean();
        assertTrue(t > 800 && t < 1200, "temperature near 1000 K after equilibration, got " + t);
        double fluct = stats.conservedFluctuationEvPerAtom(0);
        double drift = stats.conservedDriftEvPerAtomPerPs(0);
        assertTrue(fluct < 2e-4, "energy fluctuation " + fluct + " eV/atom");
        assertTrue(Math.abs(drift) < 1e-5, "energy drift " + drift + " eV/atom/ps");
    }

    private static void assertBoundedDrift(Function<Double, Integrator> make, String what) {
        Structure si = Crystals.diamondVacancy("Si", 5.43);
        ThermoStatistics stats = run(si, make.apply(1.0), 800, 5000, 11);
        double drift = stats.conservedDriftEvPerAtomPerPs(500);
        double fluct = stats.conservedFluctuationEvPerAtom(500);
        assertTrue(Math.abs(drift) < 2e-4, what + ": extended-energy drift " + drift + " eV/atom/ps");
        assertTrue(fluct < 2e-3, what + ": extended-energy fluctuation " + fluct + " eV/atom");
    }

    @Test
    void noseHooverChainExtendedEnergyIsBounded() {
        assertBoundedDrift(dt -> NoseHooverChain.builder(dt, 800, 25).chainLength(3).build(), "NHC");
    }

    @Test
    void bussiExtendedEnergyIsBounded() {
        assertBoundedDrift(dt -> Bussi.of(dt, 800, 25), "Bussi");
    }

    @Test
    void langevinEffectiveEnergyIsBounded() {
        assertBoundedDrift(dt -> Langevin.of(dt, 800, 0.01), "Langevin");
    }

    @Test
    void melchionnaNptGibbsEnergyIsBounded() {
        assertBoundedDrift(dt -> MelchionnaNpt.builder(dt, 800).ttimeFs(25).barostat(25, 98)
                .mask(BarostatMask.DIAGONAL).build(), "NPT Melchionna");
    }

    @Test
    void mtkNptExtendedEnergyIsBounded() {
        assertBoundedDrift(dt -> MtkNpt.builder(dt, 800).tdampFs(100).pdampFs(1000).build(), "NPT MTK");
    }
}
