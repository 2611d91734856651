package org.proxima.ipi;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an i-PI connection lives: a unix socket {@code /tmp/ipi_NAME} (the path ASE, i-PI and LAMMPS use for the
 * name NAME) or a TCP host and port. Written {@code unix:NAME}, {@code HOST:PORT} or {@code PORT} (loopback).
 *
 * @param unixName the unix socket's name, or null for TCP
 * @param host the TCP host (a server binds to it; loopback unless named), or null for unix
 * @param port the TCP port, or 0 for unix
 */
public record IpiAddress(String unixName, String host, int port) {

    /** Directory of the unix sockets, as ASE's {@code actualunixsocketname} and LAMMPS' {@code fix ipi}. */
    public static final String UNIX_PREFIX = "/tmp/ipi_";

    /**
     * Validates.
     */
    public IpiAddress {
        if ((unixName == null) == (host == null)) {
            throw new IllegalArgumentException("An i-PI address is either unix:NAME or HOST:PORT");
        }
        if (unixName != null && (unixName.isEmpty() || unixName.contains("/") || unixName.length() > 90)) {
            throw new IllegalArgumentException("i-PI unix socket name '" + unixName + "' must be a plain name of at most "
                    + "90 characters (the socket is " + UNIX_PREFIX + "NAME)");
        }
        if (host != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("i-PI TCP port must be 1 to 65535, got " + port);
        }
    }

    /**
     * @param text {@code unix:NAME}, {@code HOST:PORT} or {@code PORT}
     * @return the address
     * @throws IllegalArgumentException naming the text
     */
    public static IpiAddress parse(String text) {
        Objects.requireNonNull(text, "address");
        if (text.startsWith("unix:")) {
            return unix(text.substring(5));
        }
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : text.substring(0, colon);
        String port = colon < 0 ? text : text.substring(colon + 1);
        try {
            return new IpiAddress(null, host.isEmpty() ? "127.0.0.1" : host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("i-PI address '" + text + "' is neither unix:NAME nor HOST:PORT");
        }
    }

    /**
     * @param name the socket's name
     * @return {@code /tmp/ipi_NAME}
     */
    public static IpiAddress unix(String name) {
        return new IpiAddress(name, null, 0);
    }

    /**
     * @param port the port
     * @return a loopback TCP address
     */
    public static IpiAddress loopback(int port) {
        return new IpiAddress(null, "127.0.0.1", port);
    }

    /** @return whether this is a unix socket */
    public boolean isUnix() {
        return unixName != null;
    }

    /** @return the unix socket's file, or null for TCP */
    public Path unixPath() {
        return unixName == null ? null : Path.of(UNIX_PREFIX + unixName);
    }

    /** @return the socket address to bind or connect to */
    public SocketAddress socketAddress() {
        return isUnix() ? UnixDomainSocketAddress.of(unixPath()) : new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return isUnix() ? "unix:" + unixName + " (" + unixPath() + ")" : host + ":" + port;
    }
}
