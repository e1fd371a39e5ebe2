package dev.iolab.conformance.corpus;

import dev.iolab.conformance.Describe;
import dev.iolab.conformance.RawResponse;
import dev.iolab.conformance.ResponseReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One corpus case replayed on a fresh connection: the case's bytes and, in the same write, a well-formed sentinel
 * request, so that whatever the server reads behind the case shows in its answers. Responses are read by their
 * framing (status line, Content-Length or chunked), and reading stops as soon as the outcome is known: the
 * sentinel answered, the connection closed, or (only where the server may rightly wait for more) a quiet period.
 *
 * @param responses every final response read, in order (the sentinel's answer last when it came)
 * @param sentinelSent whether a sentinel followed the case
 * @param sentinelAnswered whether the sentinel's own echo came back
 * @param closed whether the server closed (EOF or reset) before reading stopped
 * @param unreadable what the server sent that is not an HTTP/1.x response, else null
 * @param millis how long the exchange took
 */
public record CorpusExchange(
        List<RawResponse> responses,
        boolean sentinelSent,
        boolean sentinelAnswered,
        boolean closed,
        String unreadable,
        long millis) {

    /**
     * How long a server may stay silent where an answer or a close is owed (a failure when it runs out, never the
     * normal way a case ends): generous, for a loaded 2-core machine.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How long to watch for an extra answer after the last owed one, for cases sent without a sentinel. */
    public static final Duration QUIET = Duration.ofMillis(500);

    /** The responses the case itself got (all but the sentinel's echo). */
    public List<RawResponse> caseResponses() {
        return sentinelAnswered ? responses.subList(0, responses.size() - 1) : responses;
    }

    /**
     * Sends {@code request} followed by {@code sentinel} (null: the case alone) in one write to {@code host:port} and
     * reads until the outcome is known; the sentinel's answer is recognised as a 200 whose body is {@code sentinelBody}.
     */
    public static CorpusExchange replay(
            String host,
            int port,
            byte[] request,
            byte[] sentinel,
            String sentinelBody,
            boolean headFirst,
            int answersOwed)
            throws IOException {
        long start = System.nanoTime();
        List<RawResponse> responses = new ArrayList<>();
        boolean answered = false;
        boolean closed = false;
        String unreadable = null;
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(request);
            if (sentinel != null) {
                bytes.writeBytes(sentinel);
            }
            socket.getOutputStream().write(bytes.toByteArray());
            socket.getOutputStream().flush();
            ResponseReader reader = new ResponseReader(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            while (true) {
                socket.setSoTimeout(waitFor(responses, sentinel != null, answersOwed));
                RawResponse response;
                try {
                    response = reader.read(headFirst && responses.isEmpty());
                } catch (EOFException e) {
                    closed = true;
                    if (!"connection closed before a response".equals(e.getMessage())) {
                        unreadable = e.getMessage(); // bytes, then EOF before a whole status line
                    }
                    break;
                } catch (SocketTimeoutException e) {
                    break; // silent: waiting for more, or owing an answer (judged from what came)
                } catch (SocketException e) {
                    closed = true; // reset
                    break;
                } catch (IOException e) {
                    // not HTTP/1.x (Tomcat may answer a broken request line the HTTP/0.9 way): whatever follows, and
                    // the close
                    unreadable = e.getMessage() + drain(socket);
                    closed = unreadable.endsWith("[EOF]");
                    break;
                }
                responses.add(response);
                if (sentinel != null
                        && response.status() == 200
                        && response.bodyText().equals(sentinelBody)) {
                    answered = true;
                    break;
                }
                if (!response.complete()) {
                    closed = response.error() != null && !response.error().contains("Timeout");
                    break;
                }
            }
        }
        return new CorpusExchange(
                List.copyOf(responses),
                sentinel != null,
                answered,
                closed,
                unreadable,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Reads what is left until the peer closes ({@code [EOF]}) or stays silent for {@link #PATIENCE}. */
    private static String drain(Socket socket) {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            byte[] buffer = new byte[8192];
            for (int n = socket.getInputStream().read(buffer);
                    n >= 0;
                    n = socket.getInputStream().read(buffer)) {
                rest.write(buffer, 0, n);
            }
            return " then " + Describe.bytes(rest.toByteArray(), 200) + " [EOF]";
        } catch (SocketTimeoutException e) {
            return " then " + Describe.bytes(rest.toByteArray(), 200) + " [silent]";
        } catch (IOException e) {
            return " then " + Describe.bytes(rest.toByteArray(), 200) + " [EOF]";
        }
    }

    /**
     * The read timeout for the next response: after an answer that ends the connection (400, {@code Connection:
     * close}) the close is owed, so wait for it; once every owed answer came to a case sent alone, only watch briefly
     * for an extra one; otherwise an answer (or the sentinel's) is owed.
     */
    private static int waitFor(List<RawResponse> responses, boolean sentinel, int answersOwed) {
        if (!responses.isEmpty() && closes(responses.getLast())) {
            return (int) PATIENCE.toMillis();
        }
        return (int) (!sentinel && responses.size() >= answersOwed ? QUIET : PATIENCE).toMillis();
    }

    private static boolean closes(RawResponse response) {
        return response.status() == 400
                || response.headers("Connection").stream()
                        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
    }

    /** What an assertion message shows: each response's status line and body start, and how the exchange ended. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (RawResponse r : responses) {
            sb.append("\n      ").append(r.statusLine()).append(" ").append(Describe.bytes(r.body(), 120));
        }
        sb.append("\n      [")
                .append(closed ? "closed" : "open")
                .append(
                        sentinelSent
                                ? sentinelAnswered ? ", sentinel answered" : ", sentinel NOT answered"
                                : ", no sentinel")
                .append(", ")
                .append(millis)
                .append(" ms");
        if (unreadable != null) {
            sb.append(", unreadable: ").append(unreadable);
        }
        return sb.append(']').toString();
    }
}
