package org.proxima.core.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * JSON for Proxima's own files (run summaries, provenance, step records, checkpoints, model files), on Gson: objects
 * are {@code Map<String, ?>} (insertion order kept), arrays are {@code List}/{@code Collection} or primitive arrays,
 * numbers, strings, booleans and null. Non-finite numbers are written as {@code null} (JSON has no NaN); doubles are
 * written with {@link Double#toString}, so they read back bit for bit. The reader is strict and returns
 * {@code LinkedHashMap}, {@code ArrayList}, {@code Long} (integers that fit) or {@code Double}, {@code String},
 * {@code Boolean} and null.
 */
public final class Json {

    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();
    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /**
     * Writes a value as indented JSON text.
     *
     * @param value the value
     * @return the text, ending with a newline
     */
    public static String write(Object value) {
        return PRETTY.toJson(tree(value)) + "\n";
    }

    /**
     * Writes a value as one line of JSON (for JSON-lines files).
     *
     * @param value the value
     * @return the text without a newline
     */
    public static String writeLine(Object value) {
        return COMPACT.toJson(tree(value));
    }

    /**
     * Writes a value to a file atomically (temporary file in the same directory, then rename), so that a reader
     * never sees half a file and a failure leaves the previous file as it was.
     *
     * @param path the file
     * @param value the value
     */
    public static void writeFile(Path path, Object value) {
        OutputFiles.writeAtomically(path, write(value));
    }

    /** The Gson tree of a value. */
    private static JsonElement tree(Object v) {
        if (v == null) {
            return JsonNull.INSTANCE;
        } else if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.add(String.valueOf(e.getKey()), tree(e.getValue()));
            }
            return o;
        } else if (v instanceof Collection<?> c) {
            JsonArray a = new JsonArray(c.size());
            c.forEach(x -> a.add(tree(x)));
            return a;
        } else if (v instanceof double[] d) {
            JsonArray a = new JsonArray(d.length);
            for (double x : d) {
                a.add(number(x));
            }
            return a;
        } else if (v instanceof long[] d) {
            JsonArray a = new JsonArray(d.length);
            for (long x : d) {
                a.add(x);
            }
            return a;
        } else if (v instanceof int[] d) {
            JsonArray a = new JsonArray(d.length);
            for (int x : d) {
                a.add(x);
            }
            return a;
        } else if (v instanceof Object[] arr) {
            return tree(List.of(arr));
        } else if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            return new JsonPrimitive(n);
        } else if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        } else {
            return new JsonPrimitive(v.toString());
        }
    }

    private static JsonElement number(double d) {
        return Double.isFinite(d) ? new JsonPrimitive(d) : JsonNull.INSTANCE;
    }

    /**
     * Parses JSON text.
     *
     * @param text the text
     * @return the value (Map, List, Double, Long, String, Boolean or null)
     * @throws IllegalArgumentException on malformed input, naming the line and column
     */
    public static Object parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement e = COMPACT.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("Malformed JSON: unexpected text after the value at "
                        + reader.getPath());
            }
            return value(e);
        } catch (JsonParseException | IOException e) {
            throw new IllegalArgumentException("Malformed JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        } else if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                m.put(x.getKey(), value(x.getValue()));
            }
            return m;
        } else if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>(e.getAsJsonArray().size());
            e.getAsJsonArray().forEach(x -> l.add(value(x)));
            return l;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        } else if (p.isString()) {
            return p.getAsString();
        }
        String number = p.getAsNumber().toString();
        if (number.indexOf('.') < 0 && number.indexOf('e') < 0 && number.indexOf('E') < 0) {
            try {
                return Long.parseLong(number);
            } catch (NumberFormatException tooLarge) {
                return Double.parseDouble(number);
            }
        }
        return Double.parseDouble(number);
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
}
