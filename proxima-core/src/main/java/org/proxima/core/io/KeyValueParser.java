package org.proxima.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and types the key=value comment line of an extended XYZ frame, as ASE's {@code key_val_str_to_dict}
 * does: keys and values may be quoted with double quotes (backslash escapes), values may be {@code {…}} or
 * {@code […]} lists, a bare key means {@code true}; values are typed as integer, real, logical (T/F/True/False) or
 * string, and whitespace-separated lists of one type become arrays.
 */
final class KeyValueParser {

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");

    private KeyValueParser() {
    }

    /**
     * Splits a header line into raw key/value strings.
     *
     * @param line the comment line
     * @param source file name for messages
     * @param lineNumber line number for messages
     * @return raw values by key, in order; a bare key maps to {@code null}
     */
    static Map<String, String> split(String line, String source, long lineNumber) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder key = new StringBuilder();
            i = readToken(line, i, key, true, source, lineNumber);
            int j = i;
            while (j < n && Character.isWhitespace(line.charAt(j))) {
                j++;
            }
            if (j < n && line.charAt(j) == '=') {
                j++;
                while (j < n && Character.isWhitespace(line.charAt(j))) {
                    j++;
                }
                if (j >= n) {
                    throw new StructureFormatException(source, lineNumber, "key '" + key
                            + "' is followed by '=' but no value");
                }
                StringBuilder value = new StringBuilder();
                i = readToken(line, j, value, false, source, lineNumber);
                out.put(key.toString(), value.toString());
            } else {
                out.put(key.toString(), null);
            }
        }
        return out;
    }

    private static int readToken(String s, int i, StringBuilder out, boolean isKey, String source, long lineNumber) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '"') {
            i++;
            while (i < n && s.charAt(i) != '"') {
                char d = s.charAt(i);
                if (d == '\\' && i + 1 < n) {
                    char e = s.charAt(i + 1);
                    out.append(e == 'n' ? '\n' : e);
                    i += 2;
                } else {
                    out.append(d);
                    i++;
                }
            }
            if (i >= n) {
                throw new StructureFormatException(source, lineNumber, "unterminated quoted "
                        + (isKey ? "key" : "value") + " starting with " + out);
            }
            return i + 1;
        }
        if (!isKey && (c == '{' || c == '[')) {
            char close = c == '{' ? '}' : ']';
            int end = s.indexOf(close, i);
            if (end < 0) {
                throw new StructureFormatException(source, lineNumber, "unterminated '" + c + "' list");
            }
            out.append(s, i + 1, end);
            for (int k = 0; k < out.length(); k++) {
                if (out.charAt(k) == ',') {
                    out.setCharAt(k, ' ');
                }
            }
            return end + 1;
        }
        while (i < n && !Character.isWhitespace(s.charAt(i)) && !(isKey && s.charAt(i) == '=')) {
            out.append(s.charAt(i));
            i++;
        }
        return i;
    }

    /**
     * Types a raw value: Long, Double, Boolean, long[], double[], boolean[] or String.
     *
     * @param raw the raw value ({@code null} for a bare key)
     * @return the typed value
     */
    static Object convert(String raw) {
        if (raw == null) {
            return Boolean.TRUE;
        }
        String t = raw.trim();
        if (t.isEmpty()) {
            return raw;
        }
        String[] tokens = t.split("\\s+");
        if (tokens.length == 1) {
            Object scalar = scalar(tokens[0]);
            return scalar == null ? raw : scalar;
        }
        List<Object> parsed = new ArrayList<>(tokens.length);
        for (String tok : tokens) {
            Object v = scalar(tok);
            if (v == null) {
                return raw;
            }
            parsed.add(v);
        }
        if (parsed.stream().allMatch(v -> v instanceof Long)) {
            long[] a = new long[parsed.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = (Long) parsed.get(k);
            }
            return a;
        }
        if (parsed.stream().allMatch(v -> v instanceof Number)) {
            double[] a = new double[parsed.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = ((Number) parsed.get(k)).doubleValue();
            }
            return a;
        }
        if (parsed.stream().allMatch(v -> v instanceof Boolean)) {
            boolean[] a = new boolean[parsed.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = (Boolean) parsed.get(k);
            }
            return a;
        }
        return raw;
    }

    private static Object scalar(String tok) {
        Boolean b = parseLogical(tok);
        if (b != null) {
            return b;
        }
        try {
            return Long.parseLong(tok);
        } catch (NumberFormatException e) {
            // not an integer
        }
        if (!DECIMAL.matcher(tok).matches() && !isSpecialReal(tok)) {
            return null;
        }
        return parseReal(tok);
    }

    /**
     * Parses a logical as ASE accepts it.
     *
     * @param tok token
     * @return the value, or null if the token is not a logical
     */
    static Boolean parseLogical(String tok) {
        return switch (tok) {
            case "T", "True", "true", "TRUE" -> Boolean.TRUE;
            case "F", "False", "false", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * Parses a real number, also Python's and Fortran's spellings ({@code nan}, {@code inf}, {@code 1.0D-3}).
     *
     * @param tok token
     * @return the value
     * @throws NumberFormatException if the token is not a number
     */
    static double parseReal(String tok) {
        try {
            return Double.parseDouble(tok);
        } catch (NumberFormatException e) {
            String l = tok.toLowerCase(java.util.Locale.ROOT);
            switch (l) {
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    if (DECIMAL.matcher(tok).matches()) {
                        return Double.parseDouble(l.replace('d', 'e'));
                    }
                    throw e;
            }
        }
    }

    private static boolean isSpecialReal(String tok) {
        String l = tok.toLowerCase(java.util.Locale.ROOT);
        return switch (l) {
            case "nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity" -> true;
            default -> false;
        };
    }
}
