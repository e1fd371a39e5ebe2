package dev.iolab.contract;

/**
 * The grammar of {@code /delay?ms=N}: the first {@code ms} value, percent-decoded once, must be {@code 1*DIGIT}
 * (ASCII digits only: no sign, no space, no exponent; leading zeros allowed, as in HTTP's own {@code 1*DIGIT}
 * numbers) with a value from 0 to {@link Limits#MAX_DELAY_MS}. Anything else, a missing or empty value
 * included, is 400.
 */
public final class DelayParameter {

    /** What {@link #millis} answers for a value the contract refuses with 400. */
    public static final int INVALID = -1;

    private DelayParameter() {}

    /** The delay asked for by a raw query string, or {@link #INVALID}. */
    public static int millis(String rawQuery) {
        String raw = QueryParameters.raw(rawQuery, Endpoints.DELAY_PARAM);
        String value = raw == null ? null : PercentDecoding.decode(raw, true);
        return parse(value);
    }

    /** The delay for an already decoded value, or {@link #INVALID}. */
    public static int parse(String value) {
        if (value == null || value.isEmpty()) {
            return INVALID;
        }
        int ms = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            ms = ms * 10 + (c - '0');
            if (ms > Limits.MAX_DELAY_MS) {
                return INVALID; // stops before any overflow, however many digits follow
            }
        }
        return ms;
    }
}
