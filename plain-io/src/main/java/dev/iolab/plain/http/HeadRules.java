package dev.iolab.plain.http;

import dev.iolab.contract.TransferCoding;
import java.nio.charset.StandardCharsets;

/**
 * The semantic checks of a request head once its fields are parsed: message framing (RFC 9112 §6),
 * Host (§3.2) and connection persistence (§9.3). Each returns 0 when fine, else the error status.
 */
final class HeadRules {

    /** The Transfer-Encoding field values so far, joined by commas (RFC 9110 §5.3); only requests that carry one pay. */
    private final StringBuilder transferEncoding = new StringBuilder();

    private boolean closeToken;
    private boolean keepAliveToken;

    void reset() {
        transferEncoding.setLength(0);
        closeToken = keepAliveToken = false;
    }

    /** Applies one kept field as it completes ({@code start..end}: its value in {@code head.values}, trimmed). */
    int onField(RequestHead head, int slot, int start, int end) {
        byte[] v = head.values;
        switch (slot) {
            case RequestHead.CONTENT_LENGTH -> {
                // RFC 9112 §6.3: an invalid or repeated Content-Length is unrecoverable. plain-io rejects
                // every duplicate, even equal ones, rather than guess which one a peer used.
                if (head.count[slot] > 1) {
                    return 400;
                }
                long length = parseLength(v, start, end);
                if (length < 0) {
                    return 400;
                }
                head.contentLength = length;
            }
            case RequestHead.TRANSFER_ENCODING -> {
                if (head.count[slot] > 1) {
                    transferEncoding.append(',');
                }
                transferEncoding.append(new String(v, start, end - start, StandardCharsets.ISO_8859_1));
            }
            case RequestHead.CONNECTION -> connectionTokens(v, start, end);
            case RequestHead.EXPECT -> head.expectContinue = Chars.equalsLower(v, start, end - start, "100-continue");
            default -> {}
        }
        return 0;
    }

    /** Checks the whole head (RFC 9112 §3.2, §6.1, §6.3) and decides framing and persistence. */
    int onHeadComplete(RequestHead head) {
        int hosts = head.count[RequestHead.HOST];
        // RFC 9112 §3.2: an HTTP/1.1 request without Host, or any request with two, MUST get 400.
        if (hosts > 1 || (head.isHttp11() && hosts == 0)) {
            return 400;
        }
        if (head.count[RequestHead.TRANSFER_ENCODING] > 0) {
            // RFC 9112 §6.1: CL with TE may be framed by TE; plain-io rejects it as a smuggling attempt.
            if (head.count[RequestHead.CONTENT_LENGTH] > 0) {
                return 400;
            }
            // RFC 9112 §6.1: TE in an HTTP/1.0 request means faulty framing.
            if (!head.isHttp11()) {
                return 400;
            }
            // RFC 9112 §6.3: not exactly a coding list ending in chunked: 400; another coding before it: 501
            TransferCoding.Verdict verdict = TransferCoding.verdict(transferEncoding.toString());
            if (verdict.refused()) {
                return verdict.status();
            }
            head.chunked = true;
            head.contentLength = -1;
        }
        if (!validTargetForm(head)) {
            return 400;
        }
        head.keepAlive = !closeToken && (head.isHttp11() || keepAliveToken);
        return 0;
    }

    /** RFC 9112 §3.2: origin-form, absolute-form, authority-form (CONNECT only) or asterisk-form (OPTIONS only). */
    private static boolean validTargetForm(RequestHead head) {
        byte first = head.line[head.targetStart];
        int len = head.targetEnd - head.targetStart;
        if (first == '/') {
            return true;
        }
        if (first == '*') {
            return len == 1 && head.is("OPTIONS");
        }
        if (head.is("CONNECT")) {
            return true;
        }
        return startsWithLower(head.line, head.targetStart, len, "http://")
                || startsWithLower(head.line, head.targetStart, len, "https://");
    }

    private static boolean startsWithLower(byte[] b, int off, int len, String prefix) {
        return len > prefix.length() && Chars.equalsLower(b, off, prefix.length(), prefix);
    }

    /** 1*DIGIT without sign, list or whitespace; -1 when invalid or past Long.MAX_VALUE. */
    static long parseLength(byte[] v, int start, int end) {
        if (start == end) {
            return -1;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            int d = v[i] - '0';
            if (d < 0 || d > 9 || n > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    private void connectionTokens(byte[] v, int start, int end) {
        int i = start;
        while (i < end) {
            int comma = i;
            while (comma < end && v[comma] != ',') {
                comma++;
            }
            int s = i;
            int e = comma;
            while (s < e && Chars.whitespace(v[s])) {
                s++;
            }
            while (e > s && Chars.whitespace(v[e - 1])) {
                e--;
            }
            closeToken |= Chars.equalsLower(v, s, e - s, "close");
            keepAliveToken |= Chars.equalsLower(v, s, e - s, "keep-alive");
            i = comma + 1;
        }
    }
}
