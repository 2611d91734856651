package org.proxima.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.proxima.core.blend.AdaptiveAuditPolicy;
import org.proxima.core.blend.AuditPolicy;
import org.proxima.core.blend.CalibratedController;
import org.proxima.core.blend.ErrorEstimate;
import org.proxima.core.blend.Observation;
import org.proxima.core.blend.ProximaController;
import org.proxima.core.blend.Source;
import org.proxima.core.blend.StepRecord;
import org.proxima.core.blend.ThresholdController;

/**
 * What the controller and the audit policy cost per MD step, as the blending calculator drives them: the step's UQ
 * (every step), the threshold and the audit probability (every step), the step record (every step), and a (UQ, error)
 * pair on 10 % of the steps (the target steps). Independent of the atom count (the UQ is a scalar by then); the goal
 * for the calibrated controller with adaptive audits is &lt; 2 µs per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ControllerOverheadBenchmark {

    /** The controller. */
    @Param({"proxima", "calibrated"})
    public String controller;

    /** The audit policy. */
    @Param({"fixed", "adaptive"})
    public String policy;

    private ThresholdController c;
    private AuditPolicy p;
    private final SplittableRandom random = new SplittableRandom(1);
    private final double[] uqs = new double[4096];
    private final double[] errors = new double[4096];
    private long step;

    /** Builds the parts and feeds them a warm history. */
    @Setup
    public void setup() {
        c = controller.equals("proxima") ? new ProximaController(0.32, 8) : CalibratedController.mean(0.32);
        p = policy.equals("fixed") ? AuditPolicy.fixed(0.2) : AdaptiveAuditPolicy.withDefaults(0.32);
        for (int k = 0; k < uqs.length; k++) {
            uqs[k] = Math.exp(Math.log(0.05) + 0.5 * random.nextGaussian());
            errors[k] = 6 * uqs[k] * Math.exp(0.4 * random.nextGaussian());
        }
        for (int k = 0; k < 20_000; k++) {
            step();
        }
    }

    /** @return the threshold after one step */
    @Benchmark
    public double step() {
        int k = (int) (step & 4095);
        double u = uqs[k];
        c.uncertainty(step, u);
        double t = c.threshold().orElse(Double.NaN);
        double prob = p.probability(step);
        boolean target = (step % 10) == 0;
        if (target) {
            c.observe(new Observation(step, u, errors[k], u < t, prob));
        }
        p.onStep(new StepRecord(step, target ? Source.BLEND : Source.SURROGATE, 10, 1, u, t, Double.NaN,
                target ? errors[k] : Double.NaN, target && u < t, prob, step / 10, 1, 1, 0, 0, 0, 0,
                new ErrorEstimate(0.25, 0.24, 0.26), null));
        step++;
        return t;
    }
}
