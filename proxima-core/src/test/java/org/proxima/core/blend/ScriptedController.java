package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.LongPredicate;

import org.proxima.core.checkpoint.StateMap;

/** A controller for tests: the surrogate is usable at call k iff the script says so; pairs fed are recorded. */
final class ScriptedController implements ThresholdController {

    private final LongPredicate usable;
    private long decisions;
    final List<double[]> observed = new ArrayList<>();
    final List<Observation> observations = new ArrayList<>();

    ScriptedController(LongPredicate usable) {
        this.usable = usable;
    }

    @Override
    public OptionalDouble threshold() {
        // queried exactly once per call, before the decision
        return OptionalDouble.of(usable.test(decisions++) ? Double.MAX_VALUE : -1.0);
    }

    @Override
    public void observe(Observation o) {
        observed.add(new double[] {o.uncertainty(), o.errorEvPerA()});
        observations.add(o);
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putLong("decisions", decisions);
    }

    @Override
    public void restoreState(StateMap state) {
        decisions = state.getLong("decisions");
    }
}
