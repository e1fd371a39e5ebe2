package dev.iolab.bench.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The least a Spring MVC app can do for GET /echo: the baseline our MVC targets are measured against. */
@SpringBootApplication
@RestController
public class BareMvcApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareMvcApplication.class, args);
    }

    @GetMapping(path = "/echo", produces = "text/plain;charset=UTF-8")
    String echo(@RequestParam(name = "msg", defaultValue = "") String msg) {
        return msg;
    }
}
