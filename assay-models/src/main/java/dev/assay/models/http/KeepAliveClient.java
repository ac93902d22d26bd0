package dev.assay.models.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A lean HTTP/1.1 client for load tests over plain {@code http}: keep-alive connections (blocking
 * sockets with TCP_NODELAY) are kept in a pool, the most recently used taken first, and each request
 * borrows one with its buffers, so a request costs one write and one read of the socket and as many
 * connections are open as requests were in flight at once. Answers are framed by
 * {@code Content-Length} or chunked transfer coding; a {@code Connection: close} answer or a dropped
 * connection opens a new one for the next request. No redirects, no TLS, no retries.
 *
 * <p>Failures are {@link IOException}s whose messages {@link HttpFailureKinds} names: {@code answered
 * HTTP NNN}, {@code did not answer within}, {@code could not be reached}. Thread-safe; close it to close
 * every connection.
 */
public final class KeepAliveClient implements AutoCloseable {
    private final InetSocketAddress address;
    private final String hostHeader;
    private final String headers;
    private final int timeoutMillis;
    private final int maxAnswerBytes;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    /**
     * @param base an {@code http} URL: its host and port are connected to
     * @param headers sent with every request (e.g. {@code Authorization})
     * @param timeoutMillis bounds the connect and each read of an answer
     * @param maxAnswerBytes answers larger than this fail
     */
    public KeepAliveClient(URI base, Map<String, String> headers, int timeoutMillis, int maxAnswerBytes) {
        if (!"http".equalsIgnoreCase(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("a plain http URL with a host is needed, got " + base);
        }
        int port = base.getPort() < 0 ? 80 : base.getPort();
        this.address = new InetSocketAddress(base.getHost(), port);
        this.hostHeader = base.getHost() + (base.getPort() < 0 ? "" : ":" + port);
        StringBuilder h = new StringBuilder();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        this.headers = h.toString();
        this.timeoutMillis = timeoutMillis;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * The bytes of a request, built once and sent many times with {@link #send}.
     *
     * @param method GET or POST
     * @param path the path and query, e.g. {@code /v2/models/m/infer}
     * @param json the body (sent as application/json), or null for none
     */
    public byte[] request(String method, String path, byte[] json) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAccept: application/json\r\n" + headers
                + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n") + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        if (json == null) {
            return h;
        }
        byte[] all = Arrays.copyOf(h, h.length + json.length);
        System.arraycopy(json, 0, all, h.length, json.length);
        return all;
    }

    /**
     * Sends {@code request} (from {@link #request}) on a pooled connection and reads the answer.
     *
     * @param keepBody whether the body is returned (else it is read and dropped)
     * @return the body of a 2xx answer (empty when not kept)
     * @throws IOException on a non-2xx status, a timeout, a refused connection or a malformed answer
     */
    public byte[] send(byte[] request, boolean keepBody) throws IOException {
        Connection c = idle.pollFirst();
        boolean reused = c != null;
        if (c == null) {
            c = connect();
        }
        try {
            byte[] answer = c.exchange(request, keepBody);
            release(c);
            return answer;
        } catch (StatusException e) {
            release(c);
            throw e;
        } catch (SocketTimeoutException e) {
            drop(c);
            throw new IOException("the server at " + address + " did not answer within " + timeoutMillis + " ms", e);
        } catch (StaleConnection e) {
            drop(c);
            if (!reused) {
                throw new IOException("the server at " + address + " closed the connection without answering", e);
            }
            return send(request, keepBody);
        } catch (IOException | RuntimeException e) {
            drop(c);
            throw e;
        }
    }

    private Connection connect() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(address, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
        } catch (ConnectException e) {
            s.close();
            throw new IOException("the server at " + address + " could not be reached (" + e.getMessage() + ")", e);
        } catch (SocketTimeoutException e) {
            s.close();
            throw new IOException("the server at " + address + " did not answer within " + timeoutMillis + " ms (connect)", e);
        }
        Connection c = new Connection(s);
        open.add(c);
        return c;
    }

    private void release(Connection c) {
        if (!c.closed) {
            idle.offerFirst(c);
        }
    }

    private void drop(Connection c) {
        open.remove(c);
        c.close();
    }

    @Override
    public void close() {
        open.forEach(Connection::close);
        open.clear();
        idle.clear();
    }

    /** A non-2xx answer, read whole: the connection stays usable. */
    private static final class StatusException extends IOException {
        private static final long serialVersionUID = 1L;

        StatusException(String message) {
            super(message);
        }
    }

    /** The connection was closed by the server before any byte of the answer: retried once on a new one. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection() {
            super("connection closed before the answer");
        }
    }

    /** One socket, its buffered input and a reusable body buffer. */
    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder line = new StringBuilder(128);
        private byte[] body = new byte[8192];
        private volatile boolean closed;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16384);
            this.out = socket.getOutputStream();
        }

        byte[] exchange(byte[] request, boolean keepBody) throws IOException {
            out.write(request);
            out.flush();
            int first = in.read();
            if (first < 0) {
                throw new StaleConnection();
            }
            line.setLength(0);
            line.append((char) first);
            String status = readLine(true);
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("the server at " + address + " answered '" + status + "', which is not HTTP/1.x");
            }
            int code = parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = status.startsWith("HTTP/1.0");
            for (String h = readLine(false); !h.isEmpty(); h = readLine(false)) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            int n = chunked ? readChunked() : readBody(length, close);
            if (close) {
                drop(this);
            }
            if (code < 200 || code >= 300) {
                throw new StatusException("the server at " + address + " answered HTTP " + code + ": "
                        + Json.excerpt(Arrays.copyOf(body, n)));
            }
            return keepBody ? Arrays.copyOf(body, n) : new byte[0];
        }

        private int readBody(long length, boolean close) throws IOException {
            if (length < 0 && !close) {
                return 0;
            }
            int n = 0;
            while (length < 0 || n < length) {
                if (length > maxAnswerBytes || n >= maxAnswerBytes) {
                    throw new IOException("the server at " + address + " answered with more than " + maxAnswerBytes + " bytes");
                }
                ensure(length < 0 ? n + 4096 : (int) length);
                int r = in.read(body, n, length < 0 ? body.length - n : (int) length - n);
                if (r < 0) {
                    if (length < 0) {
                        return n;
                    }
                    throw new IOException("the server at " + address + " closed the connection in the middle of an answer");
                }
                n += r;
            }
            return n;
        }

        private int readChunked() throws IOException {
            int n = 0;
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                if ((long) n + size > maxAnswerBytes) {
                    throw new IOException("the server at " + address + " answered with more than " + maxAnswerBytes + " bytes");
                }
                ensure(n + size);
                for (int end = n + size; n < end; ) {
                    int r = in.read(body, n, end - n);
                    if (r < 0) {
                        throw new IOException("the server at " + address + " closed the connection in the middle of an answer");
                    }
                    n += r;
                }
                readLine(false);
            }
            for (String trailer = readLine(false); !trailer.isEmpty(); trailer = readLine(false)) {
                // trailers are read and ignored
            }
            return n;
        }

        private int chunkSize() throws IOException {
            String s = readLine(false);
            int semicolon = s.indexOf(';');
            try {
                return Integer.parseInt((semicolon < 0 ? s : s.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("the server at " + address + " sent a malformed chunk size '" + s + "'");
            }
        }

        private void ensure(int size) {
            if (body.length < size) {
                body = Arrays.copyOf(body, Math.max(size, body.length * 2));
            }
        }

        /** A line without its CRLF; {@code continued} keeps what {@link #line} already holds. */
        private String readLine(boolean continued) throws IOException {
            if (!continued) {
                line.setLength(0);
            }
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("the server at " + address + " closed the connection in the middle of an answer");
                }
                if (line.length() > 65536) {
                    throw new IOException("the server at " + address + " sent a header line over 64 KB");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private int parseInt(String s) throws IOException {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IOException("the server at " + address + " sent a malformed number '" + s + "' in its answer head");
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
