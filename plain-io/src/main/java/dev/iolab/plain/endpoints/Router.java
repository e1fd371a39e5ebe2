package dev.iolab.plain.endpoints;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MetricNames;
import dev.iolab.plain.http.RequestHead;

/** Maps a request head to its endpoint: exact paths, 404 for unknown ones, 405 with {@code Allow} for wrong methods. */
final class Router {

    private Router() {}

    static Exchange route(HttpConnection c) {
        RequestHead head = c.head();
        String target = head.target();
        if (head.is("CONNECT")) {
            return FixedExchange.status(c, MetricNames.URI_UNKNOWN, 501).closing(); // no tunnelling here
        }
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : target.length();
        String path = originPath(target.substring(0, pathEnd));
        String rawQuery = query < 0 ? "" : target.substring(query + 1, fragment > query ? fragment : target.length());
        String uri = MetricNames.uriTag(path);
        boolean get = head.is("GET") || head.is("HEAD");
        if (c.context().management() && !isManagement(uri)) {
            // The management port answers probes and scrapes only: the service's endpoints there would let a
            // flood reach the threads that exist to stay free of it.
            return FixedExchange.status(c, MetricNames.URI_NOT_FOUND, 404);
        }
        return switch (uri) {
            case Endpoints.ECHO ->
                get
                        ? EchoHandler.get(c, rawQuery)
                        : head.is("POST") ? EchoHandler.post(c) : notAllowed(c, uri, "GET, HEAD, POST");
            case Endpoints.DELAY -> get ? DelayHandler.delay(c, rawQuery) : notAllowed(c, uri, "GET, HEAD");
            case Endpoints.FILES_TEMPLATE -> {
                String name = path.substring(Endpoints.FILES_PREFIX.length());
                yield get
                        ? FileHandler.get(c, name)
                        : head.is("PUT") ? FileHandler.put(c, name) : notAllowed(c, uri, "GET, HEAD, PUT");
            }
            case Endpoints.HEALTH, Endpoints.LIVENESS, Endpoints.READINESS ->
                get ? HealthHandler.health(c, uri) : notAllowed(c, uri, "GET, HEAD");
            case Endpoints.PROMETHEUS -> get ? HealthHandler.prometheus(c) : notAllowed(c, uri, "GET, HEAD");
            default -> FixedExchange.status(c, MetricNames.URI_NOT_FOUND, 404);
        };
    }

    private static boolean isManagement(String uri) {
        return uri.equals(Endpoints.HEALTH)
                || uri.equals(Endpoints.LIVENESS)
                || uri.equals(Endpoints.READINESS)
                || uri.equals(Endpoints.PROMETHEUS);
    }

    /** The path of an origin-form or absolute-form target (RFC 9112 §3.2.2: {@code http://host/path}). */
    private static String originPath(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        int scheme = target.indexOf("://");
        if (scheme < 0) {
            return target; // asterisk-form: matches nothing
        }
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : target.substring(slash);
    }

    private static Exchange notAllowed(HttpConnection c, String uri, String allow) {
        return FixedExchange.status(c, uri, 405, "Allow", allow);
    }
}
