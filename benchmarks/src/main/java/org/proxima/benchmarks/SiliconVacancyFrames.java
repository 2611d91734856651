package org.proxima.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.model.Crystals;
import org.proxima.core.surrogate.TrainingPoint;
import org.proxima.md.MdState;
import org.proxima.md.MolecularDynamics;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.MelchionnaNpt;
import org.proxima.md.potential.StillingerWeber;

/**
 * Stillinger–Weber Si vacancy (63 atoms) NPT MD at 800 K and 0 GPa, as the surrogate tests generate it: after 1 ps
 * of equilibration, every {@code stride}-th 1 fs step becomes a labelled frame.
 */
final class SiliconVacancyFrames {

    private SiliconVacancyFrames() {
    }

    /**
     * @param count number of frames
     * @param stride MD steps between frames (1 for successive steps)
     * @return labelled frames
     */
    static List<TrainingPoint> generate(int count, int stride) {
        List<TrainingPoint> out = new ArrayList<>();
        MdState state = MdState.of(Crystals.diamondVacancy("Si", 5.43), 11);
        Velocities.maxwellBoltzmann(state, 800, 11);
        try (StillingerWeber sw = StillingerWeber.silicon();
                MolecularDynamics md = MolecularDynamics.builder(state, sw, MelchionnaNpt.builder(1.0, 800)
                        .ttimeFs(25).barostat(25, 98).mask(BarostatMask.DIAGONAL).build()).observer(s -> {
                            if (s.step() >= 1000 && s.step() % stride == 0 && out.size() < count) {
                                CalculationResult r = s.result();
                                out.add(new TrainingPoint(s.structure(), CalculationResult.of(r.energyEv(),
                                        r.forcesEvPerA(), r.stressEvPerA3()), s.step()));
                            }
                        }, 1).build()) {
            md.run(1000 + (long) stride * count);
        }
        return out;
    }
}
