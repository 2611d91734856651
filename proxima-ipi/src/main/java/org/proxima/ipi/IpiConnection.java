package org.proxima.ipi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * One i-PI connection: 12-byte space-padded ASCII headers, little-endian int32 and float64, every read and write
 * bounded by a deadline (a peer that stops answering is an {@link IpiException}, never a hang). Sizes a peer claims
 * are checked against limits before anything is allocated. Not thread-safe.
 */
final class IpiConnection implements AutoCloseable {

    /** Header length, bytes. */
    static final int HEADER = 12;
    /** The messages of the protocol. */
    static final Set<String> MESSAGES = Set.of("STATUS", "READY", "HAVEDATA", "NEEDINIT", "INIT", "POSDATA",
            "GETFORCE", "FORCEREADY", "EXIT");

    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final String peer;
    private ByteBuffer scratch = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);

    /**
     * @param channel a connected channel (made non-blocking here)
     * @param peer the peer, for messages
     */
    IpiConnection(SocketChannel channel, String peer) throws IOException {
        this.channel = channel;
        this.peer = peer;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    /** @return the peer, for messages */
    String peer() {
        return peer;
    }

    /**
     * @param timeout how long from now
     * @return the deadline, System.nanoTime() units
     */
    static long deadline(Duration timeout) {
        long now = System.nanoTime();
        long t = timeout.toNanos();
        return t > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + t;
    }

    /**
     * @param message a protocol message, e.g. {@code STATUS}
     * @param deadline System.nanoTime() deadline
     */
    void sendHeader(String message, long deadline) {
        ByteBuffer b = buffer(HEADER);
        b.put(String.format("%-12s", message).getBytes(StandardCharsets.US_ASCII)).flip();
        write(b, deadline, message);
    }

    /**
     * @param during what is being exchanged, for messages
     * @param deadline System.nanoTime() deadline
     * @return the message, trimmed
     * @throws IpiException if the peer closed, timed out, or sent something that is not an i-PI header
     */
    String readHeader(String during, long deadline) {
        ByteBuffer b = buffer(HEADER);
        read(b, deadline, "the header of the next message " + during);
        byte[] raw = new byte[HEADER];
        b.flip().get(raw);
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (!MESSAGES.contains(text)) {
            throw new IpiException(peer + " is not speaking the i-PI protocol: received '" + printable(raw) + "' "
                    + during + " (expected one of " + MESSAGES + ")");
        }
        return text;
    }

    /**
     * Starts a message: its header and room for the body, in one buffer so that the whole message goes out in one
     * write.
     *
     * @param message the header, e.g. {@code POSDATA}
     * @param bodyBytes bytes of the body that follows
     * @return the buffer to put the body into (little-endian), then pass to {@link #flush}
     */
    ByteBuffer message(String message, int bodyBytes) {
        return buffer(HEADER + bodyBytes).put(String.format("%-12s", message).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Sends a buffer filled after {@link #message}.
     *
     * @param b the buffer
     * @param what the message, for errors
     * @param deadline System.nanoTime() deadline
     */
    void flush(ByteBuffer b, String what, long deadline) {
        write(b.flip(), deadline, what);
    }

    /**
     * @param what the field, for errors
     * @param deadline System.nanoTime() deadline
     * @return one int32
     */
    int readInt(String what, long deadline) {
        ByteBuffer b = buffer(4);
        read(b, deadline, what);
        return b.flip().getInt();
    }

    /**
     * @param count how many float64 values
     * @param what the field, for errors
     * @param deadline System.nanoTime() deadline
     * @return the values
     */
    double[] readDoubles(int count, String what, long deadline) {
        ByteBuffer b = buffer(8 * count);
        read(b, deadline, what);
        b.flip();
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = b.getDouble();
            if (!Double.isFinite(out[k])) {
                throw new IpiException(peer + " sent a non-finite value (" + out[k] + ") in " + what);
            }
        }
        return out;
    }

    /**
     * @param count how many bytes
     * @param what the field, for errors
     * @param deadline System.nanoTime() deadline
     * @return the bytes
     */
    byte[] readBytes(int count, String what, long deadline) {
        ByteBuffer b = buffer(count);
        read(b, deadline, what);
        byte[] out = new byte[count];
        b.flip().get(out);
        return out;
    }

    private ByteBuffer buffer(int bytes) {
        if (scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocate(Math.max(bytes, 2 * scratch.capacity())).order(ByteOrder.LITTLE_ENDIAN);
        }
        return scratch.clear().limit(bytes);
    }

    private void read(ByteBuffer b, long deadline, String what) {
        try {
            while (b.hasRemaining()) {
                int n = channel.read(b);
                if (n < 0) {
                    throw new IpiException(peer + " closed the connection while Proxima was reading " + what + " ("
                            + b.position() + " of " + b.limit() + " bytes received)");
                }
                if (n == 0) {
                    await(SelectionKey.OP_READ, deadline, "reading " + what);
                }
            }
        } catch (IOException e) {
            throw new IpiException("Connection to " + peer + " failed while reading " + what + ": " + e.getMessage(),
                    e);
        }
    }

    private void write(ByteBuffer b, long deadline, String what) {
        try {
            while (b.hasRemaining()) {
                if (channel.write(b) == 0) {
                    await(SelectionKey.OP_WRITE, deadline, "sending " + what);
                }
            }
        } catch (IOException e) {
            throw new IpiException("Connection to " + peer + " failed while sending " + what + ": " + e.getMessage(),
                    e);
        }
    }

    private void await(int op, long deadline, String doing) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new IpiException(peer + " did not answer in time: gave up " + doing);
        }
        key.interestOps(op);
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
        key.interestOps(0);
    }

    private static String printable(byte[] raw) {
        StringBuilder s = new StringBuilder();
        for (byte x : raw) {
            s.append(x >= 32 && x < 127 ? Character.toString(x) : String.format("\\x%02x", x & 0xff));
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing more to do
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
