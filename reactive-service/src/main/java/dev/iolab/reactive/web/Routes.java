package dev.iolab.reactive.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.MediaTypes;
import dev.iolab.reactive.delay.DelayHandler;
import dev.iolab.reactive.echo.EchoHandler;
import dev.iolab.reactive.files.FileHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The contract's endpoints as one functional router: each path lists its methods (HEAD wherever GET), then a
 * catch-all for that path answering 405 with {@code Allow}. Unmatched paths fall through to 404.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    /** Static: a BeanPostProcessor must exist before the beans it processes. */
    @Bean
    static ActuatorMappingsLast actuatorMappingsLast() {
        return new ActuatorMappingsLast();
    }

    @Bean
    RouterFunction<ServerResponse> contractRoutes(EchoHandler echo, FileHandler files, DelayHandler delay) {
        return RouterFunctions.route()
                .GET(Endpoints.ECHO, echo::get)
                .HEAD(Endpoints.ECHO, echo::get)
                .POST(Endpoints.ECHO, echo::post)
                .route(path(Endpoints.ECHO), request -> methodNotAllowed("GET, HEAD, POST"))
                .GET(Endpoints.FILES_TEMPLATE, files::get)
                .HEAD(Endpoints.FILES_TEMPLATE, files::get)
                .PUT(Endpoints.FILES_TEMPLATE, files::put)
                .route(path(Endpoints.FILES_TEMPLATE), request -> methodNotAllowed("GET, HEAD, PUT"))
                .GET(Endpoints.DELAY, delay::get)
                .HEAD(Endpoints.DELAY, delay::get)
                .route(path(Endpoints.DELAY), request -> methodNotAllowed("GET, HEAD"))
                .build();
    }

    private static reactor.core.publisher.Mono<ServerResponse> methodNotAllowed(String allow) {
        return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, allow)
                .header(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_PLAIN)
                .bodyValue("allowed: " + allow);
    }
}
