package dev.iolab.bench.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/** The least a WebFlux app can do for GET /echo: the baseline our WebFlux targets are measured against. */
@SpringBootApplication
public class BareWebfluxApplication {

    private static final MediaType TEXT_UTF8 = MediaType.parseMediaType("text/plain;charset=UTF-8");

    public static void main(String[] args) {
        SpringApplication.run(BareWebfluxApplication.class, args);
    }

    @Bean
    RouterFunction<ServerResponse> echo() {
        return route().GET("/echo", request -> ServerResponse.ok().contentType(TEXT_UTF8)
                .bodyValue(request.queryParam("msg").orElse(""))).build();
    }
}
