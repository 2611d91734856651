package org.proxima.ipi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening side of an i-PI connection (the side that sends positions). A unix socket is created with
 * owner-only permissions (bound in a private directory, restricted, then renamed into {@code /tmp/ipi_NAME}, so it
 * is never reachable by others) and removed on {@link #close()}; a socket file left by a crashed run is detected
 * (nothing answers on it) and replaced, one that a live server holds is refused. TCP listens on the address given,
 * loopback unless another is named.
 */
final class IpiListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpiListener.class);

    private final IpiAddress address;
    private final ServerSocketChannel server;
    private final Selector selector;

    private IpiListener(IpiAddress address, ServerSocketChannel server) throws IOException {
        this.address = address;
        this.server = server;
        server.configureBlocking(false);
        this.selector = Selector.open();
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    /**
     * @param address where to listen
     * @return the listener
     * @throws IpiException if the address is in use or cannot be bound
     */
    static IpiListener open(IpiAddress address) {
        try {
            return address.isUnix() ? new IpiListener(address, bindUnix(address.unixPath()))
                    : new IpiListener(address, bindTcp(address));
        } catch (IOException e) {
            throw new IpiException("Cannot listen for i-PI clients at " + address + ": " + e.getMessage(), e);
        }
    }

    private static ServerSocketChannel bindUnix(Path path) throws IOException {
        if (Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path)
                    || Files.isSymbolicLink(path)) {
                throw new IpiException(path + " exists and is not a socket: remove it or choose another name");
            }
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                throw new IpiException("An i-PI server is already listening at " + path + ": choose another name");
            } catch (ConnectException e) {
                LOG.warn("Removing the stale socket {} (left by a run that ended without cleaning up)", path);
                Files.delete(path);
            }
        }
        Path privateDir = Files.createTempDirectory(path.getParent(), ".proxima-ipi-");
        Path tmp = privateDir.resolve("s");
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            s.bind(UnixDomainSocketAddress.of(tmp));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            s.close();
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Files.deleteIfExists(privateDir);
        }
        return s;
    }

    private static ServerSocketChannel bindTcp(IpiAddress a) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(a.host()), a.port()));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** @return where it listens */
    IpiAddress address() {
        return address;
    }

    /**
     * Waits for one client.
     *
     * @param timeout how long to wait
     * @param hint how to start a client, for the log and the error
     * @return the connection
     * @throws IpiException if no client connects in time
     */
    IpiConnection accept(Duration timeout, String hint) {
        LOG.info("Waiting up to {} s for an i-PI client at {}; start one, e.g. {}", timeout.toSeconds(), address,
                hint);
        long deadline = IpiConnection.deadline(timeout);
        try {
            while (true) {
                SocketChannel c = server.accept();
                if (c != null) {
                    String peer = "i-PI client at " + address;
                    LOG.info("{} connected", peer);
                    return new IpiConnection(c, peer);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IpiException("No i-PI client connected to " + address + " within " + timeout.toSeconds()
                            + " s; start one, e.g. " + hint);
                }
                selector.select(Math.max(1, Math.min(left / 1_000_000, 1000)));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IpiException("Accepting an i-PI client at " + address + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops listening and removes the unix socket file. */
    @Override
    public void close() {
        try {
            selector.close();
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the i-PI listener at {}: {}", address, e.getMessage());
        }
        if (address.isUnix()) {
            try {
                Files.deleteIfExists(address.unixPath());
            } catch (IOException e) {
                LOG.warn("Cannot remove the socket {}: {}", address.unixPath(), e.getMessage());
            }
        }
    }
}
