package org.proxima.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader for Proxima's own files (run summaries, provenance, step records): objects are
 * {@code Map<String, ?>} (insertion order kept), arrays are {@code List}/{@code Collection} or primitive arrays,
 * numbers, strings, booleans and null. Non-finite numbers are written as {@code null} (JSON has no NaN). The reader
 * returns {@code LinkedHashMap}, {@code ArrayList}, {@code Double} or {@code Long}, {@code String},
 * {@code Boolean} and null.
 */
public final class Json {

    private Json() {
    }

    /**
     * Writes a value as indented JSON text.
     *
     * @param value the value
     * @return the text, ending with a newline
     */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0, true);
        return b.append('\n').toString();
    }

    /**
     * Writes a value as one line of JSON (for JSON-lines files).
     *
     * @param value the value
     * @return the text without a newline
     */
    public static String writeLine(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0, false);
        return b.toString();
    }

    /**
     * Writes a value to a file atomically (temporary file, then rename).
     *
     * @param path the file
     * @param value the value
     */
    public static void writeFile(Path path, Object value) {
        try {
            Path abs = path.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            Files.writeString(tmp, write(value), StandardCharsets.UTF_8);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static void write(StringBuilder b, Object v, int indent, boolean pretty) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                newline(b, indent + 1, pretty);
                string(b, String.valueOf(e.getKey()));
                b.append(pretty ? ": " : ":");
                write(b, e.getValue(), indent + 1, pretty);
            }
            newline(b, indent, pretty);
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            array(b, new ArrayList<>(c), indent, pretty);
        } else if (v instanceof double[] d) {
            List<Object> l = new ArrayList<>();
            for (double x : d) {
                l.add(x);
            }
            array(b, l, indent, pretty);
        } else if (v instanceof long[] d) {
            List<Object> l = new ArrayList<>();
            for (long x : d) {
                l.add(x);
            }
            array(b, l, indent, pretty);
        } else if (v instanceof int[] d) {
            List<Object> l = new ArrayList<>();
            for (int x : d) {
                l.add(x);
            }
            array(b, l, indent, pretty);
        } else if (v instanceof Object[] a) {
            array(b, List.of(a), indent, pretty);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else {
            string(b, v.toString());
        }
    }

    private static void array(StringBuilder b, List<?> items, int indent, boolean pretty) {
        boolean scalars = items.stream().allMatch(x -> x == null || x instanceof Number || x instanceof Boolean);
        b.append('[');
        for (int k = 0; k < items.size(); k++) {
            b.append(k > 0 ? (scalars && pretty ? ", " : ",") : "");
            if (!scalars) {
                newline(b, indent + 1, pretty);
            }
            write(b, items.get(k), indent + 1, pretty);
        }
        if (!scalars && !items.isEmpty()) {
            newline(b, indent, pretty);
        }
        b.append(']');
    }

    private static void newline(StringBuilder b, int indent, boolean pretty) {
        if (pretty) {
            b.append('\n').append("  ".repeat(indent));
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value (Map, List, Double, Long, String, Boolean or null)
     * @throws IllegalArgumentException on malformed input, with the position
     */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skip();
        Object v = p.value();
        p.skip();
        if (p.pos != text.length()) {
            throw p.error("unexpected trailing text");
        }
        return v;
    }

    /**
     * Reads and parses a file.
     *
     * @param path the file
     * @return the value
     */
    public static Object readFile(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Malformed JSON at character " + pos + ": " + what);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        Object literal(String word, Object v) {
            if (!s.startsWith(word, pos)) {
                throw error("expected " + word);
            }
            pos += word.length();
            return v;
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            skip();
            if (pos < s.length() && s.charAt(pos) == '}') {
                pos++;
                return m;
            }
            while (true) {
                skip();
                if (pos >= s.length() || s.charAt(pos) != '"') {
                    throw error("expected a key");
                }
                String k = string();
                skip();
                if (pos >= s.length() || s.charAt(pos) != ':') {
                    throw error("expected ':'");
                }
                pos++;
                skip();
                m.put(k, value());
                skip();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == '}') {
                    pos++;
                    return m;
                } else {
                    throw error("expected ',' or '}'");
                }
            }
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            skip();
            if (pos < s.length() && s.charAt(pos) == ']') {
                pos++;
                return l;
            }
            while (true) {
                skip();
                l.add(value());
                skip();
                if (pos < s.length() && s.charAt(pos) == ',') {
                    pos++;
                } else if (pos < s.length() && s.charAt(pos) == ']') {
                    pos++;
                    return l;
                } else {
                    throw error("expected ',' or ']'");
                }
            }
        }

        String string() {
            StringBuilder b = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw error("unterminated escape");
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 'r' -> b.append('\r');
                        case 't' -> b.append('\t');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("short \\u escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                            pos += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            throw error("unterminated string");
        }

        Object number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String t = s.substring(start, pos);
            if (t.isEmpty()) {
                throw error("unexpected character '" + s.charAt(pos) + "'");
            }
            try {
                if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
                    return Long.parseLong(t);
                }
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw error("bad number '" + t + "'");
            }
        }
    }
}
