package org.proxima.core.testing;

import java.util.Map;

import org.proxima.core.surrogate.EnsembleFormat;
import org.proxima.core.surrogate.EnsembleSurrogate;

/** Readers of the test ensembles' maps, registered for the core tests through ServiceLoader. */
public final class TestEnsembleFormats {

    private TestEnsembleFormats() {
    }

    /** Reads {@link OffsetEnsemble}s. */
    public static final class Offset implements EnsembleFormat {
        @Override
        public String format() {
            return OffsetEnsemble.FORMAT;
        }

        @Override
        public String fileName() {
            return "offset-ensemble.json";
        }

        @Override
        public EnsembleSurrogate fromMap(Map<String, Object> map) {
            return OffsetEnsemble.fromMap(map);
        }
    }

    /** Reads {@link SyntheticEnsemble}s. */
    public static final class Synthetic implements EnsembleFormat {
        @Override
        public String format() {
            return SyntheticEnsemble.FORMAT;
        }

        @Override
        public String fileName() {
            return "synthetic-ensemble.json";
        }

        @Override
        public EnsembleSurrogate fromMap(Map<String, Object> map) {
            return SyntheticEnsemble.fromMap(map);
        }
    }
}
