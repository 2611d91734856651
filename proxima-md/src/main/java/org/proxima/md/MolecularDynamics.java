package org.proxima.md;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.proxima.core.calc.CalculationFailedException;
import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.md.observe.Observer;
import org.proxima.md.observe.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs molecular dynamics: owns the loop, the calculator calls and the observers; the {@link Integrator} owns the
 * step. The calculator is asked for energy, forces (and stress) exactly once per step. Observers are called at step
 * 0 (the first time {@link #run} is called) and every {@code interval} steps after it.
 *
 * <p>A failure mid-run (a calculator exception, non-finite forces, a step that blows up by {@link SanityLimits})
 * stops the run with an {@link MdRunException} naming the step and the quantity; observers have flushed everything up to the last completed step. {@link #close()} closes the
 * observers, not the calculator (the caller owns it).
 */
public final class MolecularDynamics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MolecularDynamics.class);

    /** Largest plausible first-step force; above it the structure almost surely has overlapping atoms, eV/Å. */
    public static final double MAX_INITIAL_FORCE_EV_PER_A = 1e3;

    private final MdState state;
    private final ForceCalculator calculator;
    private final Integrator integrator;
    private final List<Attached> observers;
    private final SanityLimits sanity;
    private CalculationResult current;
    private int evaluationsThisStep;

    private record Attached(Observer observer, int interval) {
    }

    private final CalculationResult resumeFrom;

    private MolecularDynamics(Builder b) {
        this.state = b.state;
        this.calculator = b.calculator;
        this.integrator = b.integrator;
        this.observers = List.copyOf(b.observers);
        this.resumeFrom = b.resumeFrom;
        this.sanity = b.sanity;
        Set<Property> missing = EnumSet.copyOf(integrator.requiredProperties());
        missing.removeAll(calculator.implementedProperties());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(integrator.name() + " needs " + missing + " but the calculator "
                    + calculator.describe() + " provides only " + calculator.implementedProperties());
        }
    }

    /**
     * Starts a builder.
     *
     * @param state the state to evolve (modified in place)
     * @param calculator the force calculator
     * @param integrator the integrator
     * @return the builder
     */
    public static Builder builder(MdState state, ForceCalculator calculator, Integrator integrator) {
        return new Builder(state, calculator, integrator);
    }

    /**
     * Runs a number of steps.
     *
     * @param steps steps to run (≥ 0)
     * @throws MdRunException if a step fails; the state is left at the last completed step
     */
    public void run(long steps) {
        run(steps, () -> false);
    }

    /**
     * Runs a number of steps, or fewer if {@code stop} says so between two steps (a clean stop: every observer has
     * seen the last step done).
     *
     * @param steps steps to run (≥ 0)
     * @param stop asked after each completed step whether to stop
     * @return the steps done
     * @throws MdRunException if a step fails; the state is left at the last completed step
     */
    public long run(long steps, java.util.function.BooleanSupplier stop) {
        if (steps < 0) {
            throw new IllegalArgumentException("Number of steps must be ≥ 0, got " + steps);
        }
        if (current == null && resumeFrom != null) {
            // a resumed run: the calculation at these positions was made before the checkpoint, and the observers
            // saw this step then; neither is repeated
            integrator.prepare(state);
            integrator.initialize(state, resumeFrom);
            current = resumeFrom;
        } else if (current == null) {
            try {
                integrator.prepare(state);
                current = evaluate(state);
                checkInitial(current);
                integrator.initialize(state, current);
            } catch (RuntimeException e) {
                throw new MdRunException(state.step(), "MD could not start: " + e.getMessage(), e);
            }
            notifyObservers();
        }
        double dt = integrator.timestepFs();
        long done = 0;
        for (long s = 0; s < steps && !stop.getAsBoolean(); s++) {
            CalculationResult next;
            try {
                evaluationsThisStep = 0;
                next = integrator.step(state, current, this::evaluate);
                if (evaluationsThisStep != 1) {
                    throw new IllegalStateException(integrator.name() + " called the calculator "
                            + evaluationsThisStep + " times in one step (must be exactly once)");
                }
            } catch (RuntimeException e) {
                LOG.error("MD stopped at step {}: {}", state.step(), e.getMessage());
                throw new MdRunException(state.step(), "MD stopped at step " + state.step()
                        + " (the last completed step): " + e.getMessage(), e);
            }
            current = next;
            state.advance(dt);
            String insane = sanity.violation(state, current, dt);
            if (insane != null) {
                LOG.error("MD blew up at step {}: {}", state.step(), insane);
                throw new MdRunException(state.step() - 1, "MD blew up at step " + state.step() + ": " + insane
                        + " (time step too large, or the forces are wrong)", null);
            }
            notifyObservers();
            done++;
        }
        return done;
    }

    private CalculationResult evaluate(MdState s) {
        evaluationsThisStep++;
        CalculationResult r = calculator.calculate(s.toStructure());
        if (!r.isFinite()) {
            throw new CalculationFailedException("Calculator " + calculator.describe()
                    + " returned non-finite energy, forces or stress");
        }
        return r;
    }

    private void checkInitial(CalculationResult r) {
        double fmax = r.maxForceEvPerA();
        if (fmax > MAX_INITIAL_FORCE_EV_PER_A) {
            throw new CalculationFailedException("Initial forces up to " + fmax + " eV/Å (> "
                    + MAX_INITIAL_FORCE_EV_PER_A + "): atoms overlap or the structure is unphysical");
        }
    }

    private void notifyObservers() {
        if (observers.isEmpty()) {
            return;
        }
        Snapshot snap = null;
        for (Attached a : observers) {
            if (state.step() % a.interval == 0) {
                if (snap == null) {
                    snap = new Snapshot(state, current, integrator);
                }
                a.observer.observe(snap);
            }
        }
    }

    /** @return the state (live) */
    public MdState state() {
        return state;
    }

    /** @return the calculation at the current positions, or null before the first run */
    public CalculationResult current() {
        return current;
    }

    /** @return the integrator */
    public Integrator integrator() {
        return integrator;
    }

    /** @return a snapshot of the current step (after at least one call to {@link #run}) */
    public Snapshot snapshot() {
        if (current == null) {
            throw new IllegalStateException("No step has been computed yet: call run() first");
        }
        return new Snapshot(state, current, integrator);
    }

    /** Closes the observers (flushing their files). */
    @Override
    public void close() {
        RuntimeException first = null;
        for (Attached a : observers) {
            try {
                a.observer.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Builds a {@link MolecularDynamics}. */
    public static final class Builder {
        private final MdState state;
        private final ForceCalculator calculator;
        private final Integrator integrator;
        private final List<Attached> observers = new ArrayList<>();
        private CalculationResult resumeFrom;
        private SanityLimits sanity = SanityLimits.DEFAULT;

        private Builder(MdState state, ForceCalculator calculator, Integrator integrator) {
            this.state = Objects.requireNonNull(state, "state");
            this.calculator = Objects.requireNonNull(calculator, "calculator");
            this.integrator = Objects.requireNonNull(integrator, "integrator");
        }

        /**
         * Attaches an observer.
         *
         * @param observer the observer
         * @param interval call it every this many steps (≥ 1), and at step 0
         * @return this
         */
        public Builder observer(Observer observer, int interval) {
            if (interval < 1) {
                throw new IllegalArgumentException("Observer interval must be ≥ 1, got " + interval);
            }
            observers.add(new Attached(Objects.requireNonNull(observer), interval));
            return this;
        }

        /**
         * Continues a checkpointed run: the state holds the integrator's variables, and {@code current} is the
         * calculation at its positions made before the checkpoint, so the first {@link MolecularDynamics#run} neither
         * calls the calculator at the start positions nor notifies the observers of the start step again.
         *
         * @param current the calculation at the state's positions
         * @return this
         */
        public Builder resume(CalculationResult current) {
            this.resumeFrom = Objects.requireNonNull(current);
            return this;
        }

        /**
         * @param value when a step counts as blown up (default {@link SanityLimits#DEFAULT})
         * @return this
         */
        public Builder sanityLimits(SanityLimits value) {
            this.sanity = Objects.requireNonNull(value);
            return this;
        }

        /** @return the driver */
        public MolecularDynamics build() {
            return new MolecularDynamics(this);
        }
    }
}
