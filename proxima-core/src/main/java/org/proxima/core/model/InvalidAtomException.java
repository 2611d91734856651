package org.proxima.core.model;

/**
 * Bad input that belongs to one atom (a non-finite position, an unknown element symbol, a bad mass), with the atom's
 * index, so that a reader can point at the offending line of its file.
 */
public class InvalidAtomException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int atom;

    /**
     * @param atom the atom's index (0-based)
     * @param message what is wrong, naming the atom and the value
     * @param cause the underlying exception, or null
     */
    public InvalidAtomException(int atom, String message, Throwable cause) {
        super(message, cause);
        this.atom = atom;
    }

    /** @return the atom's index (0-based) */
    public int atom() {
        return atom;
    }
}
