package org.proxima.core.checkpoint;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON-ready map for checkpoints in which every double survives the round trip bit for bit: arrays are stored as
 * base64 of their IEEE-754 bits, and scalars that JSON cannot hold (NaN, ±∞) as their bits too. Keys missing on
 * reading raise {@link CheckpointException} naming them.
 */
public final class StateMap {

    private final Map<String, Object> map;

    /** An empty map for writing. */
    public StateMap() {
        this.map = new LinkedHashMap<>();
    }

    /**
     * Wraps a map read from JSON.
     *
     * @param map the map
     */
    public StateMap(Map<String, Object> map) {
        this.map = map;
    }

    /** @return the underlying JSON-ready map */
    public Map<String, Object> toMap() {
        return map;
    }

    /**
     * @param key key
     * @param value value (finite or not)
     * @return this
     */
    public StateMap putDouble(String key, double value) {
        map.put(key, Double.isFinite(value) ? (Object) value : "bits:" + Long.toHexString(Double.doubleToRawLongBits(value)));
        return this;
    }

    /**
     * @param key key
     * @param value value
     * @return this
     */
    public StateMap putLong(String key, long value) {
        map.put(key, value);
        return this;
    }

    /**
     * @param key key
     * @param value value
     * @return this
     */
    public StateMap putString(String key, String value) {
        map.put(key, value);
        return this;
    }

    /**
     * @param key key
     * @param value value
     * @return this
     */
    public StateMap putBoolean(String key, boolean value) {
        map.put(key, value);
        return this;
    }

    /**
     * @param key key
     * @param values values (null allowed)
     * @return this
     */
    public StateMap putDoubles(String key, double[] values) {
        if (values == null) {
            map.put(key, null);
            return this;
        }
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        for (double v : values) {
            b.putLong(Double.doubleToRawLongBits(v));
        }
        map.put(key, Base64.getEncoder().encodeToString(b.array()));
        return this;
    }

    /**
     * @param key key
     * @param values values
     * @return this
     */
    public StateMap putLongs(String key, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length);
        for (long v : values) {
            b.putLong(v);
        }
        map.put(key, Base64.getEncoder().encodeToString(b.array()));
        return this;
    }

    /**
     * @param key key
     * @param bytes bytes
     * @return this
     */
    public StateMap putBytes(String key, byte[] bytes) {
        map.put(key, Base64.getEncoder().encodeToString(bytes));
        return this;
    }

    /**
     * @param key key
     * @param child a nested state (null allowed)
     * @return this
     */
    public StateMap putState(String key, StateMap child) {
        map.put(key, child == null ? null : child.toMap());
        return this;
    }

    /**
     * @param key key
     * @param value any JSON-ready value
     * @return this
     */
    public StateMap putRaw(String key, Object value) {
        map.put(key, value);
        return this;
    }

    private Object require(String key) {
        if (!map.containsKey(key)) {
            throw new CheckpointException("Checkpoint entry '" + key + "' is missing");
        }
        return map.get(key);
    }

    /**
     * @param key key
     * @return whether the key is present (even with a null value)
     */
    public boolean has(String key) {
        return map.containsKey(key);
    }

    /**
     * @param key key
     * @return the double
     */
    public double getDouble(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && s.startsWith("bits:")) {
            return Double.longBitsToDouble(Long.parseUnsignedLong(s.substring(5), 16));
        }
        throw new CheckpointException("Checkpoint entry '" + key + "' is not a number: " + v);
    }

    /**
     * @param key key
     * @return the long
     */
    public long getLong(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new CheckpointException("Checkpoint entry '" + key + "' is not a number: " + v);
    }

    /**
     * @param key key
     * @return the string (or null)
     */
    public String getString(String key) {
        Object v = require(key);
        return v == null ? null : v.toString();
    }

    /**
     * @param key key
     * @return the boolean
     */
    public boolean getBoolean(String key) {
        return Boolean.TRUE.equals(require(key));
    }

    /**
     * @param key key
     * @return the doubles (null if stored as null)
     */
    public double[] getDoubles(String key) {
        Object v = require(key);
        if (v == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(v.toString()));
        double[] out = new double[b.remaining() / 8];
        for (int k = 0; k < out.length; k++) {
            out[k] = Double.longBitsToDouble(b.getLong());
        }
        return out;
    }

    /**
     * @param key key
     * @return the longs
     */
    public long[] getLongs(String key) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(require(key).toString()));
        long[] out = new long[b.remaining() / 8];
        for (int k = 0; k < out.length; k++) {
            out[k] = b.getLong();
        }
        return out;
    }

    /**
     * @param key key
     * @return the bytes
     */
    public byte[] getBytes(String key) {
        return Base64.getDecoder().decode(require(key).toString());
    }

    /**
     * @param key key
     * @return the nested state (null if stored as null)
     */
    @SuppressWarnings("unchecked")
    public StateMap getState(String key) {
        Object v = require(key);
        return v == null ? null : new StateMap((Map<String, Object>) v);
    }

    /**
     * @param key key
     * @return the raw JSON value
     */
    public Object getRaw(String key) {
        return require(key);
    }

    /**
     * @param key key
     * @return a list of strings
     */
    @SuppressWarnings("unchecked")
    public List<String> getStrings(String key) {
        return ((List<Object>) require(key)).stream().map(String::valueOf).toList();
    }
}
