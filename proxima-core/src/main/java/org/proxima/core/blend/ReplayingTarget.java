package org.proxima.core.blend;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;
import org.proxima.core.surrogate.TrainingPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A target that first replays results computed before a crash: a resumed run that asks for exactly the structure
 * (positions, cell, atoms; bit for bit) of the next saved result gets that result instead of a new target call, so
 * no DFT evaluation is repeated. The first mismatch drops what is left of the replay.
 */
final class ReplayingTarget implements ForceCalculator {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayingTarget.class);

    private final ForceCalculator target;
    private final Deque<TrainingPoint> replay;
    private long replayed;

    ReplayingTarget(ForceCalculator target, List<TrainingPoint> replay) {
        this.target = target;
        this.replay = new ArrayDeque<>(replay);
    }

    @Override
    public CalculationResult calculate(Structure s) {
        TrainingPoint next = replay.peekFirst();
        if (next != null) {
            if (same(next.structure(), s)) {
                replay.removeFirst();
                replayed++;
                return next.result();
            }
            LOG.warn("The resumed run left the saved path after {} replayed target results; {} saved results are "
                    + "not used", replayed, replay.size());
            replay.clear();
        }
        return target.calculate(s);
    }

    private static boolean same(Structure a, Structure b) {
        if (a.size() != b.size() || !a.species().equals(b.species())) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.symbol(i).equals(b.symbol(i))) {
                return false;
            }
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (Double.compare(a.cell().get(r, c), b.cell().get(r, c)) != 0) {
                    return false;
                }
            }
        }
        return Arrays.equals(a.positionsA(), b.positionsA());
    }

    /** @return results served from the replay so far */
    long replayed() {
        return replayed;
    }

    @Override
    public Set<Property> implementedProperties() {
        return target.implementedProperties();
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public void close() {
        target.close();
    }
}
