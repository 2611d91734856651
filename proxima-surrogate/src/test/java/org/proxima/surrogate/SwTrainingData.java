package org.proxima.surrogate;

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
 * Training data the surrogate tests generate: Stillinger–Weber Si vacancy (63 atoms) NPT MD at 800 K and 0 GPa
 * (the paper's conditions, Melchionna barostat, diagonal mask), a frame every 8 fs after 1 ps of equilibration, so
 * that cell and positions both vary. Cached per JVM.
 */
public final class SwTrainingData {

    private static List<TrainingPoint> cache;

    private SwTrainingData() {
    }

    /**
     * @param count number of frames (the first {@code count} of the cached trajectory)
     * @return frames with SW energy, forces and stress
     */
    public static synchronized List<TrainingPoint> frames(int count) {
        if (cache == null || cache.size() < count) {
            cache = generate(Math.max(count, 1280), 8);
        }
        return cache.subList(0, count);
    }

    /**
     * Runs the trajectory afresh (not cached): after 1 ps of equilibration, every {@code stride}-th 1 fs step
     * becomes a labelled frame.
     *
     * @param count number of frames
     * @param stride MD steps between frames (1 for successive steps, 8 for {@link #frames})
     * @return frames with SW energy, forces and stress
     */
    public static List<TrainingPoint> generate(int count, int stride) {
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
