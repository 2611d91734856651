package org.proxima.core.io;

/**
 * A structure file is malformed. The message names the file, the line number and what was expected there.
 */
public class StructureFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * @param source file name (or another description of the input)
     * @param line 1-based line number, or 0 if not tied to a line
     * @param message what was expected and what was found
     */
    public StructureFormatException(String source, long line, String message) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message);
        this.source = source;
        this.line = line;
    }

    /**
     * @param source file name
     * @param line 1-based line number
     * @param message what was expected
     * @param cause underlying error
     */
    public StructureFormatException(String source, long line, String message, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.source = source;
        this.line = line;
    }

    /** @return the file name or input description */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or 0 */
    public long line() {
        return line;
    }
}
