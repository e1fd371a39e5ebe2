package dev.iolab.bench.proxy;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * A reverse proxy with nothing but Reactor Netty: {@code /<prefix>/...} to one upstream, headers and bodies
 * streamed through, hop-by-hop headers dropped. The floor of what any JVM proxy on Reactor Netty costs per
 * request on this machine, to set the gateway's cost against (no Spring exchange, no filter chain, no metrics).
 *
 * <p>Usage: {@code java -jar bare-proxy.jar --port 18401 --prefix /webflux-epoll --upstream http://127.0.0.1:18410}
 */
public final class BareProxy {

    /** RFC 9110 §7.6.1: meant for one connection only, never forwarded. */
    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE,
            HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE,
            HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.PROXY_AUTHENTICATE);

    private BareProxy() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(arg(args, "--port"));
        String prefix = arg(args, "--prefix");
        HttpClient client = HttpClient.create(ConnectionProvider.builder("upstream").maxConnections(16384).build())
                .baseUrl(arg(args, "--upstream"))
                .option(ChannelOption.TCP_NODELAY, true);
        DisposableServer server = HttpServer.create().port(port)
                .handle((request, response) -> {
                    String uri = request.uri().startsWith(prefix) ? request.uri().substring(prefix.length()) : request.uri();
                    return client.request(request.method()).uri(uri)
                            .send((upstreamRequest, out) -> {
                                upstreamRequest.headers(withoutHopByHop(request.requestHeaders()));
                                return out.send(request.receive().retain());
                            })
                            .response((upstreamResponse, body) -> response.status(upstreamResponse.status())
                                    .headers(withoutHopByHop(upstreamResponse.responseHeaders()))
                                    .send(body.retain()))
                            .then();
                })
                .bindNow();
        System.out.println("bare-proxy on port " + server.port() + ", " + prefix + "/** -> " + arg(args, "--upstream"));
        server.onDispose().block();
    }

    private static HttpHeaders withoutHopByHop(HttpHeaders headers) {
        HttpHeaders copy = headers.copy();
        HOP_BY_HOP.forEach(copy::remove);
        return copy;
    }

    private static String arg(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name + " <value>");
    }
}
