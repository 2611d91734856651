package org.proxima.md.integrate;

import java.util.Arrays;

/**
 * Which cell components a barostat may change, as six 0/1 flags in Voigt order xx yy zz yz xz xy. The paper used
 * {@code 1,1,1,0,0,0} (diagonal only). Unlike ASE, a three-value mask is not accepted: ASE turns it into an outer
 * product that frees all nine components.
 *
 * @param flags the six flags
 */
public record BarostatMask(boolean[] flags) {

    /** All six components free. */
    public static final BarostatMask ALL = parse("1,1,1,1,1,1");
    /** Diagonal components only (the paper's choice). */
    public static final BarostatMask DIAGONAL = parse("1,1,1,0,0,0");

    /**
     * Validates.
     */
    public BarostatMask {
        if (flags.length != 6) {
            throw new IllegalArgumentException("A barostat mask needs 6 values (Voigt xx yy zz yz xz xy), got "
                    + flags.length);
        }
        flags = flags.clone();
    }

    /**
     * Parses {@code "1,1,1,0,0,0"}.
     *
     * @param text six comma-separated 0/1 values
     * @return the mask
     * @throws IllegalArgumentException for anything but six 0/1 values
     */
    public static BarostatMask parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 6) {
            throw new IllegalArgumentException("A barostat mask needs 6 comma-separated 0/1 values in Voigt order "
                    + "xx,yy,zz,yz,xz,xy (e.g. 1,1,1,0,0,0), got '" + text + "'");
        }
        boolean[] f = new boolean[6];
        for (int k = 0; k < 6; k++) {
            String p = parts[k].trim();
            if (!p.equals("0") && !p.equals("1")) {
                throw new IllegalArgumentException("Barostat mask values must be 0 or 1, got '" + p + "' in '" + text
                        + "'");
            }
            f[k] = p.equals("1");
        }
        return new BarostatMask(f);
    }

    /**
     * @param voigtIndex 0..5
     * @return whether that component may change
     */
    public boolean free(int voigtIndex) {
        return flags[voigtIndex];
    }

    /** @return whether any off-diagonal component may change */
    public boolean anyShear() {
        return flags[3] || flags[4] || flags[5];
    }

    @Override
    public boolean[] flags() {
        return flags.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BarostatMask m && Arrays.equals(flags, m.flags);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(flags);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 6; k++) {
            b.append(k > 0 ? "," : "").append(flags[k] ? 1 : 0);
        }
        return b.toString();
    }
}
