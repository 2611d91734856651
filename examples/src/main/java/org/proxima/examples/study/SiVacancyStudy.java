package org.proxima.examples.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.proxima.core.io.Json;
import org.proxima.core.model.Crystals;
import org.proxima.core.model.Structure;
import org.proxima.md.Integrator;
import org.proxima.md.MdState;
import org.proxima.md.Velocities;
import org.proxima.md.integrate.BarostatMask;
import org.proxima.md.integrate.Bussi;
import org.proxima.md.integrate.MelchionnaNpt;

/**
 * The paper's two experiments on a silicon vacancy: 2×2×2 cubic diamond Si (a = 5.43 Å) with atom 0 removed, 63
 * atoms in ASE order.
 * <ul>
 *   <li>{@link #npt}: 800 K, 0 GPa, Melchionna NPT as ASE's (ttime 25 fs, pfactor (25 fs)² × 98 GPa, diagonal mask),
 *       1 fs, 2048 steps; density from the mean volume over the last 512 steps; max |dV/dt| after the first
 *       training.</li>
 *   <li>{@link #hops}: NVT at 1573 K with the Bussi thermostat (τ 25 fs), 40 000 steps, at the mean volume of a
 *       target-only NPT run at the same temperature (run first and cached in the output directory); vacancy hops by
 *       neighbour counts and by Wigner–Seitz occupation.</li>
 * </ul>
 * Every mode runs with the same seeds. Runs execute {@code parallel} at a time (neural-network trainings of
 * parallel runs take turns; predictions overlap).
 */
public final class SiVacancyStudy {

    /** NPT temperature, K. */
    public static final double NPT_TEMPERATURE_K = 800;
    /** NPT steps. */
    public static final long NPT_STEPS = 2048;
    /** Steps at the end of an NPT run whose mean volume gives the density. */
    public static final long NPT_AVERAGE_STEPS = 512;
    /** NVT temperature, K. */
    public static final double NVT_TEMPERATURE_K = 1573;
    /** NVT steps per replica. */
    public static final long NVT_STEPS = 40_000;
    /** Lattice constant of the start structure, Å. */
    public static final double LATTICE_A = 5.43;

    private SiVacancyStudy() {
    }

    /** @return the 63-atom start structure */
    public static Structure startStructure() {
        return Crystals.diamondVacancy("Si", LATTICE_A);
    }

    /**
     * @param temperatureK temperature, K
     * @return the paper's NPT integrator
     */
    public static Supplier<Integrator> nptIntegrator(double temperatureK) {
        return () -> MelchionnaNpt.builder(1.0, temperatureK).ttimeFs(25).barostat(25, 98).pressureGpa(0)
                .mask(BarostatMask.DIAGONAL).build();
    }

    /**
     * @param temperatureK temperature, K
     * @return the paper's NVT integrator (Bussi, τ 25 fs)
     */
    public static Supplier<Integrator> nvtIntegrator(double temperatureK) {
        return () -> new Bussi(1.0, temperatureK, 25);
    }

    /**
     * The NPT density study.
     *
     * @param o options
     * @param progress progress sink or null
     * @return outcomes, mode by mode, replica by replica
     */
    public static List<RunOutcome> npt(StudyOptions o, ProgressSink progress) {
        double t = o.temperatureK() != null ? o.temperatureK() : NPT_TEMPERATURE_K;
        long steps = o.steps() != null ? o.steps() : NPT_STEPS;
        List<RunSpec> specs = new ArrayList<>();
        for (StudyMode mode : o.modes()) {
            for (int r = 0; r < o.replicas(); r++) {
                long seed = o.seed() + r;
                String name = mode.label() + "-seed" + seed;
                specs.add(spec(name, "npt", startStructure(), t, nptIntegrator(t), steps, o, o.blend(mode, true), seed,
                        Math.max(0, steps - NPT_AVERAGE_STEPS), false, o.output().resolve("npt").resolve(name)));
            }
        }
        return runAll(specs, o.parallel(), progress);
    }

    /**
     * The NVT vacancy-hop study.
     *
     * @param o options
     * @param progress progress sink or null
     * @return outcomes, mode by mode, replica by replica
     */
    public static List<RunOutcome> hops(StudyOptions o, ProgressSink progress) {
        double t = o.temperatureK() != null ? o.temperatureK() : NVT_TEMPERATURE_K;
        long steps = o.steps() != null ? o.steps() : NVT_STEPS;
        double volume = o.volumeA3() != null ? o.volumeA3() : referenceVolume(o, t, progress);
        Structure start = startStructure().withCell(startStructure().cell().withVolume(volume), true);
        List<RunSpec> specs = new ArrayList<>();
        for (StudyMode mode : o.modes()) {
            for (int r = 0; r < o.replicas(); r++) {
                long seed = o.seed() + r;
                String name = mode.label() + "-seed" + seed;
                specs.add(spec(name, "hops", start, t, nvtIntegrator(t), steps, o, o.blend(mode, false), seed, 0,
                        true, o.output().resolve("hops").resolve(name)));
            }
        }
        return runAll(specs, o.parallel(), progress);
    }

    /**
     * The mean volume of a target-only NPT run at the hop temperature, cached in
     * {@code OUTPUT/reference-npt-TK-seedS/summary.json} (reused when present with the same target).
     */
    static double referenceVolume(StudyOptions o, double temperatureK, ProgressSink progress) {
        String name = String.format("reference-npt-%.0fK-seed%d", temperatureK, o.seed());
        Path dir = o.output().resolve(name);
        Path summary = dir.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.readFile(summary);
            if (o.target().description().equals(m.get("target")) && m.get("volume_mean_A3") instanceof Number v
                    && !m.containsKey("error")) {
                return v.doubleValue();
            }
        }
        BlendSettings targetOnly = o.blend(StudyMode.TARGET, true);
        RunSpec spec = spec(name, "npt", startStructure(), temperatureK, nptIntegrator(temperatureK), NPT_STEPS, o,
                targetOnly, o.seed(), NPT_STEPS - NPT_AVERAGE_STEPS, false, dir);
        RunOutcome out = BlendedRun.run(spec, progress);
        if (out.failure() != null || !(out.volumeMeanA3() > 0)) {
            throw new IllegalStateException("The reference NPT run for the NVT volume failed: " + out.failure());
        }
        return out.volumeMeanA3();
    }

    /**
     * One run of a study: Maxwell–Boltzmann velocities at the temperature (seeded), the study's integrator and
     * outputs in {@code dir}, checkpointed as the options say.
     */
    private static RunSpec spec(String name, String study, Structure start, double temperatureK,
            Supplier<Integrator> integrator, long steps, StudyOptions o, BlendSettings blend, long seed,
            long averageFrom, boolean hops, Path dir) {
        Map<String, Object> physics = new LinkedHashMap<>();
        physics.put("study", study);
        physics.put("temperature_K", temperatureK);
        physics.put("timestep_fs", 1.0);
        physics.put("volume_A3", start.cell().volumeA3());
        physics.put("atoms", start.size());
        physics.put("target", o.target().description());
        physics.put("seed", seed);
        physics.putAll(blend.toMap());
        return new RunSpec(name, () -> {
            MdState s = MdState.of(start, seed);
            Velocities.maxwellBoltzmann(s, temperatureK, seed);
            return s;
        }, integrator, steps, o.target(), blend, seed, averageFrom, null, hops,
                RunOutputs.inDirectory(dir, o.trajectoryEvery()), o.checkpointing(dir), physics);
    }

    /**
     * Runs specs, {@code parallel} at a time, and returns their outcomes in the specs' order.
     *
     * @param specs the runs
     * @param parallel runs at once
     * @param progress progress sink or null
     * @return the outcomes
     */
    public static List<RunOutcome> runAll(List<RunSpec> specs, int parallel, ProgressSink progress) {
        if (parallel <= 1 || specs.size() <= 1) {
            List<RunOutcome> out = new ArrayList<>();
            for (RunSpec s : specs) {
                out.add(BlendedRun.run(s, progress));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, specs.size()), r -> {
            Thread th = new Thread(r, "proxima-run");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            for (RunSpec s : specs) {
                futures.add(pool.submit(() -> BlendedRun.run(s, progress)));
            }
            List<RunOutcome> out = new ArrayList<>();
            for (Future<RunOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
