package dev.assay.models.http;

import dev.assay.core.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A server on 127.0.0.1 that reads each request, answers with a status line, headers promising a
 * body and the first bytes of it, and then sends nothing more while keeping the connection open.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] start;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** Answers {@code 200} with a JSON body of {@code promised} bytes of which only {@code sent} arrives. */
    StallingServer(int promised, String sent) throws IOException {
        this.socket = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.start = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + promised + "\r\n\r\n" + sent)
                .getBytes(StandardCharsets.UTF_8);
        DaemonThreads.start("stalling-server", this::serve);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                readRequest(s.getInputStream());
                s.getOutputStream().write(start);
                s.getOutputStream().flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
