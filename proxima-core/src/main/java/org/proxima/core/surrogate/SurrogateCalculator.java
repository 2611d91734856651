package org.proxima.core.surrogate;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.proxima.core.calc.CalculationResult;
import org.proxima.core.calc.ForceCalculator;
import org.proxima.core.calc.Property;
import org.proxima.core.model.Structure;

/**
 * A trained ensemble used on its own as a frozen potential: every call returns the members' mean energy (eV),
 * forces (eV/Å) and stress (eV/Å³), with no target, audit or retraining. The baseline a user would otherwise pick
 * instead of on-the-fly learning, and the control that shows the surrogate's own bias next to a blended run.
 * {@link #close()} closes the ensemble.
 */
public final class SurrogateCalculator implements ForceCalculator {

    private final EnsembleSurrogate ensemble;

    /**
     * @param ensemble a trained ensemble (owned by this calculator from now on)
     * @throws IllegalArgumentException if it is not trained
     */
    public SurrogateCalculator(EnsembleSurrogate ensemble) {
        this.ensemble = Objects.requireNonNull(ensemble, "ensemble");
        if (!ensemble.isTrained()) {
            throw new IllegalArgumentException("A surrogate used on its own must be trained; train it on target "
                    + "data first (EnsembleSurrogate.fit)");
        }
    }

    @Override
    public CalculationResult calculate(Structure structure) {
        EnsemblePrediction p = ensemble.predict(structure);
        Ensembles.requireAtomCount(p, structure);
        return p.mean();
    }

    @Override
    public Set<Property> implementedProperties() {
        Set<Property> p = EnumSet.copyOf(ensemble.implementedProperties());
        p.retainAll(EnumSet.of(Property.ENERGY, Property.FORCES, Property.STRESS));
        return p;
    }

    @Override
    public String describe() {
        return "surrogate only (v" + ensemble.version() + ", " + ensemble.memberCount() + " members)";
    }

    @Override
    public void close() {
        ensemble.close();
    }
}
