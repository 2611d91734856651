package org.proxima.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Array comparisons that report the worst component. */
public final class ArrayAssertions {

    private ArrayAssertions() {
    }

    /**
     * Asserts |expected − actual| ≤ tol for every component.
     *
     * @param expected expected values
     * @param actual actual values
     * @param tol absolute tolerance
     * @param what description for the message
     */
    public static void assertArrayClose(double[] expected, double[] actual, double tol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + ", expected " + expected.length);
        }
        double worst = -1;
        int at = -1;
        for (int k = 0; k < expected.length; k++) {
            double d = Math.abs(expected[k] - actual[k]);
            if (!(d <= worst)) {
                worst = d;
                at = k;
            }
        }
        if (!(worst <= tol)) {
            fail(what + ": largest difference " + worst + " > " + tol + " at index " + at + " (expected "
                    + expected[at] + ", got " + actual[at] + ")");
        }
    }

    /**
     * @param a array
     * @return largest absolute value
     */
    public static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
