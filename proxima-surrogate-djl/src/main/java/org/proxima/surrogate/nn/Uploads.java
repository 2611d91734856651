package org.proxima.surrogate.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Reusable direct buffers for moving floats into NDArrays without a new direct allocation per call
 * ({@code NDManager.create(float[])} allocates a direct buffer that is freed only by garbage collection; per-step
 * uploads grew resident memory to several GB). The PyTorch engine wraps a direct buffer without copying, so the
 * array created from a slot is valid until that slot is filled again: give arrays that live at the same time
 * different slots, and close them before reusing a slot. Not thread-safe.
 */
final class Uploads {

    private static final int ALIGNMENT = 64;

    private final Map<String, ByteBuffer> buffers = new HashMap<>();

    private ByteBuffer buffer(String slot, int floats) {
        ByteBuffer b = buffers.get(slot);
        if (b == null || b.capacity() < 4 * floats) {
            // 64-byte aligned: MKL's matrix products round differently for differently aligned inputs, which made
            // training results depend on where the JVM happened to place a buffer
            b = ByteBuffer.allocateDirect(4 * Math.max(floats, 16) + 2 * ALIGNMENT).alignedSlice(ALIGNMENT)
                    .order(ByteOrder.nativeOrder());
            buffers.put(slot, b);
        }
        return b;
    }

    /**
     * @param manager owner of the array
     * @param slot buffer name
     * @param data values (the first shape.size() are used)
     * @param shape array shape
     * @return the array, aliasing the slot's buffer
     */
    NDArray floats(NDManager manager, String slot, float[] data, Shape shape) {
        int n = Math.toIntExact(shape.size());
        ByteBuffer b = buffer(slot, n);
        b.clear();
        FloatBuffer f = b.asFloatBuffer();
        f.put(data, 0, n);
        b.limit(4 * n);
        return manager.create(b.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
    }

    /**
     * @param manager owner
     * @param slot buffer name
     * @param data values, converted to float (values below 1e-30 in magnitude flushed to 0)
     * @param shape array shape
     * @return the array
     */
    NDArray floats(NDManager manager, String slot, double[] data, Shape shape) {
        int n = Math.toIntExact(shape.size());
        ByteBuffer b = buffer(slot, n);
        b.clear();
        FloatBuffer f = b.asFloatBuffer();
        for (int k = 0; k < n; k++) {
            double v = data[k];
            f.put(Math.abs(v) < 1e-30 ? 0f : (float) v);
        }
        b.limit(4 * n);
        return manager.create(b.slice().order(ByteOrder.nativeOrder()), shape, DataType.FLOAT32);
    }
}
