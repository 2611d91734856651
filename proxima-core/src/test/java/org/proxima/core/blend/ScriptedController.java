package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongPredicate;

/** A controller for tests: the surrogate is usable at call k iff the script says so; pairs fed are recorded. */
final class ScriptedController implements ThresholdController {

    private final LongPredicate usable;
    private long decisions;
    final List<double[]> observed = new ArrayList<>();

    ScriptedController(LongPredicate usable) {
        this.usable = usable;
    }

    @Override
    public OptionalDouble threshold() {
        // queried exactly once per call, before the decision
        return OptionalDouble.of(usable.test(decisions++) ? Double.MAX_VALUE : -1.0);
    }

    @Override
    public OptionalDouble alpha() {
        return OptionalDouble.empty();
    }

    @Override
    public void observe(double uncertainty, double errorEvPerA) {
        observed.add(new double[] {uncertainty, errorEvPerA});
    }

    @Override
    public ControllerState state() {
        return new ControllerState(decisions, Double.NaN, new double[0], new double[0]);
    }

    @Override
    public void restore(ControllerState state) {
        decisions = (long) state.threshold();
    }
}
