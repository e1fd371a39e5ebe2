package dev.iolab.conformance.corpus;

import dev.iolab.contract.Target;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The four places where RFC 9112 lets a server reject or accept (docs/strictness.md), recognised in a corpus case's
 * first head, and which of them each engine accepts: a case whose only fault is such a choice may then be served
 * instead of rejected, as long as nothing behind it is read differently (the replay's desync check still applies).
 */
public enum EitherChoice {

    /** §2.2: a line ended by LF alone. */
    BARE_LF("bare-lf"),
    /** §2.2: a CR not followed by LF. */
    BARE_CR("bare-cr"),
    /** §5.2: a field line continued by a line starting with SP or HTAB. */
    OBS_FOLD("obs-fold"),
    /** §6.1: Content-Length together with {@code Transfer-Encoding: chunked} (exactly; any other coding leaves no choice). */
    CL_TE("cl-te");

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?m)^content-length:");
    private static final Pattern TE_CHUNKED = Pattern.compile("(?m)^transfer-encoding:[ \t]*chunked[ \t]*\r?$");

    private final String key;

    EitherChoice(String key) {
        this.key = key;
    }

    /** The name used in docs/strictness.md and the {@code STRICTNESS} records. */
    public String key() {
        return key;
    }

    /** The choices the case's first head exercises (empty for a case that leaves the server no choice). */
    public static Set<EitherChoice> exercisedBy(CorpusCase c) {
        String head = c.head();
        Set<EitherChoice> found = EnumSet.noneOf(EitherChoice.class);
        for (int i = 0; i < head.length(); i++) {
            char ch = head.charAt(i);
            if (ch == '\n' && (i == 0 || head.charAt(i - 1) != '\r')) {
                found.add(BARE_LF);
            }
            if (ch == '\r' && (i + 1 >= head.length() || head.charAt(i + 1) != '\n')) {
                found.add(BARE_CR);
            }
            if (ch == '\n' && i + 1 < head.length() && (head.charAt(i + 1) == ' ' || head.charAt(i + 1) == '\t')) {
                found.add(OBS_FOLD);
            }
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (CONTENT_LENGTH.matcher(lower).find() && TE_CHUNKED.matcher(lower).find()) {
            found.add(CL_TE);
        }
        return found;
    }

    /**
     * What the HTTP parser answering the socket accepts, as measured and documented in docs/strictness.md (targets)
     * and docs/gateway.md (a gateway route: the gateway's Netty decoder answers first). Unknown targets: none.
     */
    public static Set<EitherChoice> acceptedBy(String targetId, boolean proxied) {
        if (proxied) {
            return EnumSet.of(OBS_FOLD); // the gateway's Netty 4.2 decoder unfolds; bare LF/CR and CL+TE are 400
        }
        Target.Module module = Target.byId(targetId).map(Target::module).orElse(null);
        if (module == null) {
            return EnumSet.noneOf(EitherChoice.class);
        }
        return switch (module) {
            // Tomcat 11: LF as a line end, obs-fold as SP, CL+TE framed by chunked then closed
            case BLOCKING_SERVICE -> EnumSet.of(BARE_LF, OBS_FOLD, CL_TE);
            // Reactor Netty 4.2: unfolds obs-fold, rejects the rest
            case REACTIVE_SERVICE -> EnumSet.of(OBS_FOLD);
            // the contract: plain-io's own parser rejects all four
            case PLAIN_IO -> EnumSet.noneOf(EitherChoice.class);
        };
    }
}
