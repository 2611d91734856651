package org.proxima.examples.study;

import org.proxima.md.run.RunOutputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * parallel runs take turns; predictions overlap). The surrogate-only mode runs last: it trains a
 * {@link FrozenSurrogate} on as many target frames as the blend replicas' median final training set.
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
        return () -> Bussi.of(1.0, temperatureK, 25);
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
        return run(new StudyConditions("npt", startStructure(), t, nptIntegrator(t), steps,
                Math.max(0, steps - NPT_AVERAGE_STEPS), false, true), o, progress);
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
        return run(new StudyConditions("hops", start, t, nvtIntegrator(t), steps, 0, true, false), o, progress);
    }

    /**
     * Runs every mode's replicas with the same seeds; the surrogate-only mode last, since its training-set size is
     * the blend replicas' median final one (or {@link StudyOptions#surrogateFrames()}).
     */
    private static List<RunOutcome> run(StudyConditions c, StudyOptions o, ProgressSink progress) {
        List<RunSpec> specs = new ArrayList<>();
        for (StudyMode mode : o.modes()) {
            if (mode != StudyMode.SURROGATE) {
                specs.addAll(replicas(c, o, mode, o.target(), progress));
            }
        }
        List<RunOutcome> out = new ArrayList<>(runAll(specs, o.parallel(), progress));
        if (o.modes().contains(StudyMode.SURROGATE)) {
            int frames = surrogateFrames(o, out);
            TargetFactory frozen = FrozenSurrogate.prepare(c, o, frames, progress);
            out.addAll(runAll(replicas(c, o, StudyMode.SURROGATE, frozen, progress), o.parallel(), progress));
        }
        List<RunOutcome> ordered = new ArrayList<>();
        for (StudyMode mode : o.modes()) {
            out.stream().filter(r -> r.mode() == mode).forEach(ordered::add);
        }
        return ordered;
    }

    private static List<RunSpec> replicas(StudyConditions c, StudyOptions o, StudyMode mode, TargetFactory target,
            ProgressSink progress) {
        List<RunSpec> specs = new ArrayList<>();
        for (int r = 0; r < o.replicas(); r++) {
            long seed = o.seed() + r;
            String name = mode.label() + "-seed" + seed;
            Path dir = c.directory(o.output(), name);
            specs.add(c.spec(name, target, o.blend(mode, c.npt()), seed,
                    RunOutputs.inDirectory(dir, o.trajectoryEvery()), o.checkpointing(dir)));
        }
        return specs;
    }

    /** N of the surrogate-only mode: given, or the median final training-set size of the blend replicas. */
    static int surrogateFrames(StudyOptions o, List<RunOutcome> done) {
        if (o.surrogateFrames() != null) {
            return o.surrogateFrames();
        }
        double[] sizes = done.stream().filter(r -> r.mode() == StudyMode.BLEND && r.failure() == null)
                .mapToDouble(r -> r.targetCalls()).toArray();
        if (sizes.length == 0) {
            throw new IllegalArgumentException("The surrogate-only mode trains on as many frames as the blend "
                    + "replicas' median final training set: run it together with the blend mode, or give "
                    + "--surrogate-frames N");
        }
        return (int) Math.round(org.apache.commons.math3.stat.StatUtils.percentile(sizes, 50));
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
        StudyConditions c = new StudyConditions("npt", startStructure(), temperatureK, nptIntegrator(temperatureK),
                NPT_STEPS, NPT_STEPS - NPT_AVERAGE_STEPS, false, true);
        RunSpec spec = c.spec(name, o.target(), o.blend(StudyMode.TARGET, true), o.seed(),
                RunOutputs.inDirectory(dir, o.trajectoryEvery()), o.checkpointing(dir));
        RunOutcome out = StudyRun.run(spec, progress);
        if (out.failure() != null || !(out.volumeMeanA3() > 0)) {
            throw new IllegalStateException("The reference NPT run for the NVT volume failed: " + out.failure());
        }
        return out.volumeMeanA3();
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
                out.add(StudyRun.run(s, progress));
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
                futures.add(pool.submit(() -> StudyRun.run(s, progress)));
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
