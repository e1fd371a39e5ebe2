package dev.iolab.blocking.echo;

import org.apache.coyote.CloseNowException;

/**
 * Aborts an echo whose response already began. Being Tomcat's {@link CloseNowException}, it makes
 * Tomcat close the connection without the last chunk and without logging a stack trace.
 */
class EchoAbortedException extends CloseNowException {

    EchoAbortedException(String message) {
        super(message, null);
    }
}
