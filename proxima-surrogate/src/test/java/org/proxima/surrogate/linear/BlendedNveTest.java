package org.proxima.surrogate.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.proxima.core.blend.BlendingCalculator;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.VelocityVerlet;
import org.proxima.md.potential.StillingerWeber;

/**
 * NVE under PROXIMA+BLEND with the linear surrogate refitted after every second target point, so that retrained
 * ensembles keep arriving during running cross-fades and λ ramps: total energy minus the booked switching work is
 * conserved from step to step as well as velocity Verlet conserves the energy of a fixed potential (the 63-atom Si
 * vacancy from 1573 K Maxwell–Boltzmann velocities, 1 fs).
 */
class BlendedNveTest {

    /** Largest one-step change of (total energy − booked work) allowed, eV. */
    private static final double ONE_STEP_EV = 0.02;

    @Test
    void totalEnergyMinusBookedWorkIsConservedStepByStepWithFrequentRetraining() {
        Structure si = Crystals.diamondVacancy("Si", 5.43);
        MdState state = MdState.of(si, 3);
        Velocities.maxwellBoltzmann(state, 1573, 3);
        List<StepRecord> records = new ArrayList<>();
        List<double[]> energy = new ArrayList<>();
        try (BlendingCalculator calc = BlendingCalculator.builder(StillingerWeber.silicon(),
                LinearEnsemble.untrained(List.of("Si"), 2, 3)).errorTarget(0.35).retrainInterval(2).seed(3)
                .listener(records::add).build();
                MolecularDynamics md = MolecularDynamics.builder(state, calc, VelocityVerlet.of(1.0))
                        .observer(s -> energy.add(new double[] {s.totalEnergyEv(), calc.blendWorkEv()}), 1)
                        .build()) {
            md.run(1500);
        }
        double worst = 0;
        long worstStep = -1;
        for (int k = 1; k < energy.size(); k++) {
            double change = (energy.get(k)[0] - energy.get(k)[1]) - (energy.get(k - 1)[0] - energy.get(k - 1)[1]);
            if (Math.abs(change) > worst) {
                worst = Math.abs(change);
                worstStep = k;
            }
        }
        long fades = records.stream().filter(r -> r.modelsAlive() >= 3).count();
        long surrogate = records.stream().filter(r -> !r.targetRan()).count();
        long retrainings = records.stream().filter(r -> r.event() != null && r.event().contains("retrained")).count();
        assertTrue(fades > 20, "nested cross-fades exercised: " + fades + " steps with ≥ 3 ensembles alive");
        assertTrue(surrogate > 100, "pure-surrogate steps: " + surrogate);
        assertTrue(retrainings > 50, "retrainings: " + retrainings);
        assertTrue(worst <= ONE_STEP_EV, "one-step change of (E_total − W) " + worst + " eV at step " + worstStep
                + " (allowed " + ONE_STEP_EV + ")");
    }
}
