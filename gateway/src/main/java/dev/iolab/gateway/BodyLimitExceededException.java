package dev.iolab.gateway;

/** A request body passed the contract's limit of its endpoint while the gateway was forwarding it. */
final class BodyLimitExceededException extends RuntimeException {

    BodyLimitExceededException(long limit) {
        super("request body over " + limit + " bytes: upstream exchange aborted", null, false, false);
    }
}
