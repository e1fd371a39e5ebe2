package dev.iolab.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One raw-socket connection to the gateway: sends exact bytes and splits what comes back into responses. */
final class RawExchange implements AutoCloseable {

    /** A response as received: status, head (lower-cased names kept verbatim) and body. */
    record Response(int status, String head, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return head.strip() + "\n\n" + bodyText();
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean closedByPeer;

    RawExchange(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The peer closed the connection (end of stream or reset) while reading. */
    boolean closedByPeer() {
        return closedByPeer;
    }

    /**
     * Final (non-1xx) responses read until the connection closes or stays silent for the read timeout;
     * stops after {@code max} of them.
     */
    List<Response> readResponses(int max) throws IOException {
        List<Response> responses = new ArrayList<>();
        while (responses.size() < max) {
            Response r = readOne();
            if (r == null) {
                break;
            }
            if (r.status() >= 200) {
                responses.add(r);
            }
        }
        return responses;
    }

    private Response readOne() throws IOException {
        String head;
        try {
            head = readHead();
        } catch (SocketTimeoutException silent) {
            return null;
        }
        if (head == null) {
            closedByPeer = true;
            return null;
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(Locale.ROOT);
        byte[] body;
        Matcher cl = Pattern.compile("\ncontent-length: *(\\d+)").matcher(lower);
        if (status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (lower.contains("\ntransfer-encoding: chunked")) {
            body = readChunked();
        } else if (cl.find()) {
            body = in.readNBytes(Integer.parseInt(cl.group(1)));
        } else {
            body = readToEnd();
        }
        return new Response(status, head, body);
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        try {
            while ((b = in.read()) >= 0) {
                head.write(b);
                byte[] h = head.toByteArray();
                int n = h.length;
                if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
            }
        } catch (java.net.SocketException reset) {
            return null;
        }
        return null;
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String line = readLine();
            int size = Integer.parseInt(line.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            in.transferTo(body);
        } catch (SocketTimeoutException | java.net.SocketException stop) {
            // what arrived is the body
        }
        closedByPeer = true;
        return body.toByteArray();
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
