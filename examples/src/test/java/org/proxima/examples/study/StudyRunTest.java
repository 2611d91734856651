package org.proxima.examples.study;

import org.proxima.md.run.RunOutputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.training.TrainingSet;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;
import org.proxima.md.potential.StillingerWeber;

class StudyRunTest {

    @TempDir
    Path dir;

    private static final TargetFactory SW = new TargetFactory() {
        @Override
        public ForceCalculator create(Set<String> elements) {
            return StillingerWeber.silicon();
        }

        @Override
        public String description() {
            return "sw";
        }
    };

    private RunSpec spec(String name, StudyMode mode, long seed) {
        BlendSettings blend = new BlendSettings(mode, SurrogateKind.LINEAR, new TrainingPlan(32, 0, 0), 1.25, 0.2,
                mode.defaultBlendSteps(), 8, Control.PAPER, SurrogateStart.NONE);
        return new RunSpec(name, () -> {
            MdState s = MdState.of(SiVacancyStudy.startStructure(), seed);
            Velocities.maxwellBoltzmann(s, 800, seed);
            return s;
        }, SiVacancyStudy.nptIntegrator(800), 250, SW, blend, seed, 100, null, false,
                RunOutputs.inDirectory(dir.resolve(name), 25), null, Map.of("test", 1));
    }

    @Test
    void sameSeedSameRunAndEveryTargetResultIsKeptOnce() throws Exception {
        RunOutcome a = StudyRun.run(spec("a", StudyMode.BLEND, 4), null);
        RunOutcome b = StudyRun.run(spec("b", StudyMode.BLEND, 4), null);
        assertEquals(Files.readAllLines(dir.resolve("a/thermo.csv")), Files.readAllLines(dir.resolve("b/thermo.csv")));
        assertArrayEquals(a.series().volumesA3(), b.series().volumesA3());
        assertEquals(a.targetCalls(), TrainingSet.read(dir.resolve("a/training.extxyz")).size());
        assertEquals(251, Files.readAllLines(dir.resolve("a/steps.jsonl")).size());
        assertTrue(a.fractionSurrogate() > 0.3, "the surrogate took over: " + a.fractionSurrogate());
        // the target steps in the records are the target calls
        long targetSteps = Math.round((a.fractionTarget() + a.fractionBlend()) * 251);
        assertEquals(a.targetCalls(), targetSteps);
    }

    @Test
    void modesShareTheTrajectoryUntilTheFirstTraining() {
        RunOutcome target = StudyRun.run(spec("t", StudyMode.TARGET, 9), null);
        RunOutcome hard = StudyRun.run(spec("p", StudyMode.PROXIMA, 9), null);
        long first = hard.series().firstTrainedStep();
        assertTrue(first > 0, "trained during the run");
        double[] vt = target.series().volumesA3();
        double[] vp = hard.series().volumesA3();
        for (int k = 0; k < first; k++) {
            assertEquals(vt[k], vp[k], 0.0, "step " + k + ": before any training both runs are target-only");
        }
        assertEquals(1.0, target.fractionTarget());
        assertEquals(0.0, hard.fractionBlend(), "a hard switch never blends");
        List<String> header = List.of(hard.summary().keySet().toArray(new String[0]));
        assertTrue(header.contains("max_abs_dVdt_A3_per_fs") && header.contains("density_g_cm3"), header.toString());
    }
}
