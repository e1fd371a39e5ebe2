package dev.iolab.blocking.delay;

import dev.iolab.contract.DelayParameter;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import dev.iolab.contract.MediaTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@code /delay} the thread-per-request way: the request's own thread sleeps, so a platform thread is
 * held for the whole wait while a virtual thread unmounts and frees its carrier.
 */
@Controller
public class DelayHandler {

    private static final byte[] OK = Endpoints.DELAY_BODY.getBytes(StandardCharsets.US_ASCII);

    // HEAD listed explicitly so that a 405 elsewhere names it in Allow.
    @RequestMapping(
            path = Endpoints.DELAY,
            method = {RequestMethod.GET, RequestMethod.HEAD})
    public void delay(HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        // the contract's grammar on the raw query, not Tomcat's getParameter (which decodes by its own rules)
        int ms = DelayParameter.millis(request.getQueryString());
        if (ms == DelayParameter.INVALID) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST,
                    Endpoints.DELAY_PARAM + " must be an integer in 0.." + Limits.MAX_DELAY_MS);
            return;
        }
        Thread.sleep(ms);
        response.setContentType(MediaTypes.TEXT_PLAIN);
        response.setContentLength(OK.length);
        response.getOutputStream().write(OK);
    }
}
