package org.proxima.core.blend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.proxima.core.checkpoint.Checkpointable;
import org.proxima.core.checkpoint.StateMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the threshold over the controller's last updates (steps where the target ran with a trained surrogate, so
 * the controller received a (UQ, error) pair; not MD steps) and warns when the controller has stopped controlling:
 * <ul>
 *   <li><b>saturated</b>: over the last {@code window} updates the threshold only grew (it never fell, and rose at
 *       least once): the observed error stays below ε_target, so the threshold winds up and no step that the
 *       surrogate could take fails the UQ test. The run is then governed by the audits alone; a tighter ε_target
 *       (between the median and the mean of the audited error) puts the controller back to work. Not reported for a
 *       {@linkplain ThresholdController#bounded() bounded} controller ({@link #watch}): there a threshold that only
 *       grows follows the UQ range the audits extend, which is the controller working, not winding up.</li>
 *   <li><b>starved</b>: over the last {@code window} updates the threshold sat at 0: the surrogate is never used
 *       (the error exceeds ε_target, or every UQ is 0).</li>
 * </ul>
 * A warning is logged when a condition begins; {@link #toMap()} reports every condition seen and the one at the
 * end, for the run's summary. Checkpointable, so a resumed run reports the same.
 */
public final class ControllerHealth implements StepListener, Checkpointable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerHealth.class);

    /** Default number of controller updates looked at. */
    public static final int DEFAULT_WINDOW = 100;

    /** What the controller is doing. */
    public enum Condition {
        /** Neither saturated nor starved (or too few updates to tell). */
        CONTROLLING,
        /** The threshold only grew over the window. */
        SATURATED,
        /** The threshold sat at 0 over the window. */
        STARVED
    }

    private final int window;
    private final double[] recent;
    private long updates;
    private boolean saturationApplies = true;
    private Condition condition = Condition.CONTROLLING;
    private final List<String> warnings = new ArrayList<>();

    /** Watches the last {@value #DEFAULT_WINDOW} updates. */
    public ControllerHealth() {
        this(DEFAULT_WINDOW);
    }

    /**
     * @param window controller updates looked at (≥ 2)
     */
    public ControllerHealth(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("Controller-health window must be ≥ 2 updates, got " + window);
        }
        this.window = window;
        this.recent = new double[window];
    }

    /**
     * Tells the monitor which controller it watches: a {@linkplain ThresholdController#bounded() bounded} one is never
     * called saturated (a growing threshold is its normal state when the surrogate beats the bound).
     *
     * @param controller the controller, or null for the default (PROXIMA) one
     */
    public void watch(ThresholdController controller) {
        saturationApplies = controller == null || !controller.bounded();
    }

    @Override
    public void onStep(StepRecord r) {
        if (!Double.isFinite(r.errorEvPerA()) || Double.isNaN(r.threshold())) {
            return; // no controller update at this step, or no threshold yet
        }
        recent[(int) (updates % window)] = r.threshold();
        updates++;
        Condition now = classify();
        if (now != condition && now != Condition.CONTROLLING) {
            String text = now == Condition.SATURATED
                    ? "controller saturated at step " + r.step() + ": the threshold only grew over the last " + window
                            + " controller updates (now " + format(r.threshold()) + " eV/Å); the observed error stays "
                            + "below ε_target, so only audits send steps to the target. A tighter ε_target (between "
                            + "the median and the mean of the audited error) keeps the controller working"
                    : "controller starved at step " + r.step() + ": the threshold sat at 0 over the last " + window
                            + " controller updates; the surrogate is not used (its error exceeds ε_target)";
            warnings.add(text);
            LOG.warn("{}", text);
        }
        condition = now;
    }

    private Condition classify() {
        if (updates < window) {
            return Condition.CONTROLLING;
        }
        boolean grew = false;
        boolean fell = false;
        boolean allZero = true;
        int start = (int) (updates % window);
        double previous = recent[start];
        allZero &= previous == 0;
        for (int k = 1; k < window; k++) {
            double t = recent[(start + k) % window];
            grew |= t > previous;
            fell |= t < previous;
            allZero &= t == 0;
            previous = t;
        }
        return allZero ? Condition.STARVED
                : grew && !fell && saturationApplies ? Condition.SATURATED : Condition.CONTROLLING;
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }

    /** @return the condition after the last update */
    public Condition condition() {
        return condition;
    }

    /** @return every warning issued, in order */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return controller updates seen */
    public long updates() {
        return updates;
    }

    /** @return a JSON-ready map: updates, the condition at the end, the warnings */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("controller_updates", updates);
        m.put("controller_condition", condition.name().toLowerCase(java.util.Locale.ROOT));
        m.put("controller_warnings", warnings());
        return m;
    }

    @Override
    public StateMap saveState() {
        return new StateMap().putDoubles("recent", recent).putLong("updates", updates)
                .putString("condition", condition.name()).putRaw("warnings", new ArrayList<>(warnings));
    }

    @Override
    public void restoreState(StateMap m) {
        double[] r = m.getDoubles("recent");
        System.arraycopy(r, 0, recent, 0, Math.min(r.length, recent.length));
        updates = m.getLong("updates");
        condition = Condition.valueOf(m.getString("condition"));
        warnings.clear();
        warnings.addAll(m.getStrings("warnings"));
    }
}
