package dev.iolab.plain;

import java.io.IOException;

/** What every I/O model's server offers: start on a port (0: any), report what it runs on, stop. */
public interface HttpServer extends AutoCloseable {

    /** Binds and starts serving; returns the bound port. */
    int start(int port) throws IOException;

    /** The selector or channel implementation this model actually got, e.g. {@code sun.nio.ch.EPollSelectorImpl}. */
    String ioImplementation();

    /** Closes the listening socket: new connections are refused, open ones go on. */
    void stopAccepting();

    /** Stops every thread and closes every connection. */
    @Override
    void close();

    /** Closes a listening socket (null: not started yet); an error closing it changes nothing for shutdown. */
    static void closeListener(java.io.Closeable listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway: a listener that fails to close is gone for new connections all the same
        }
    }
}
