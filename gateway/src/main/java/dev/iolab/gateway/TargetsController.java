package dev.iolab.gateway;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Target;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the gateway routes to: {@code GET /targets} as JSON, {@code GET /} as a small HTML index. */
@RestController
class TargetsController {

    /** One target as the gateway sees it now. */
    record TargetView(String id, String model, String upstream, String health) {}

    private final Upstreams upstreams;
    private final UpstreamHealth health;

    TargetsController(Upstreams upstreams, UpstreamHealth health) {
        this.upstreams = upstreams;
        this.health = health;
    }

    @GetMapping(path = "/targets", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<TargetView>> targets() {
        // All probes at once, answers in registry order.
        return Flux.fromIterable(Arrays.asList(Target.values()))
                .flatMapSequential(t -> health.check(upstreams.of(t))
                        .map(h -> new TargetView(
                                t.id(), t.model(), upstreams.of(t).toString(), h)))
                .collectList();
    }

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> index() {
        return targets().map(TargetsController::html);
    }

    static String html(List<TargetView> targets) {
        StringBuilder rows = new StringBuilder();
        for (TargetView t : targets) {
            String base = "/" + t.id();
            rows.append("<tr><td><b>")
                    .append(esc(t.id()))
                    .append("</b></td><td>")
                    .append(esc(t.model()))
                    .append("</td><td>")
                    .append(esc(t.upstream()))
                    .append("</td><td>")
                    .append(esc(t.health()))
                    .append("</td><td>")
                    .append(link(base + Endpoints.ECHO + "?" + Endpoints.ECHO_PARAM + "=hello", "echo"))
                    .append(' ')
                    .append(link(base + Endpoints.FILES_PREFIX + "1k.bin", "1k.bin"))
                    .append(' ')
                    .append(link(base + Endpoints.DELAY + "?" + Endpoints.DELAY_PARAM + "=100", "delay"))
                    .append(' ')
                    .append(link(base + Endpoints.HEALTH, "health"))
                    .append(' ')
                    .append(link(base + Endpoints.PROMETHEUS, "metrics"))
                    .append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>iolab gateway</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}</style></head>
                <body><h1>iolab gateway</h1>
                <p>Every target behind one URL: <code>/&lt;target-id&gt;/...</code> goes to that target with the
                prefix removed. JSON: <a href="/targets">/targets</a>. The gateway's own metrics:
                <a href="%s">%s</a>, health: <a href="%s">%s</a>.</p>
                <table><tr><th>target</th><th>I/O model</th><th>upstream</th><th>health</th><th>try it</th></tr>
                %s</table></body></html>
                """.formatted(Endpoints.PROMETHEUS, Endpoints.PROMETHEUS, Endpoints.HEALTH, Endpoints.HEALTH, rows);
    }

    private static String link(String href, String text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
