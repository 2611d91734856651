package org.proxima.examples.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The controller trace's logarithmic axis: what it may be given. */
class StudyPlotsTest {

    @Test
    void logAxisPointsDropZerosAndNonFiniteValuesButKeepTheirPartners() {
        double[] t = {0, 1, 2, 3, 4, 5};
        double[] y = {0, 0.5, Double.NaN, -1, 2, Double.POSITIVE_INFINITY};
        double[][] kept = StudyPlots.positive(t, y);
        assertArrayEquals(new double[] {1, 4}, kept[0]);
        assertArrayEquals(new double[] {0.5, 2}, kept[1]);
    }

    @Test
    void aSeriesOfZerosLeavesNothingToDraw() {
        double[][] kept = StudyPlots.positive(new double[] {0, 1}, new double[] {0, 0});
        assertEquals(0, kept[0].length);
        assertEquals(0, kept[1].length);
    }
}
