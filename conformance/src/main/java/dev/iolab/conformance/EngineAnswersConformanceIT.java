package dev.iolab.conformance;

import dev.iolab.contract.Endpoints;
import dev.iolab.contract.Limits;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;

/**
 * Requests the HTTP engine refuses before any endpoint runs still get the contract's answer: {@code X-IO-Model}
 * (the header the contract puts on every response) and a plain-text body or none, never the engine's HTML page
 * (Tomcat's, for one, names the server and is not what a client of the contract parses).
 */
@DisplayName("the engine's own answers")
class EngineAnswersConformanceIT {

    @ConformanceTest
    @DisplayName("an encoded slash in a file name is refused with X-IO-Model and a plain-text body")
    void encodedSlashIsRefusedWithTheContractsAnswer(TargetUnderTest target) throws IOException {
        for (String path :
                new String[] {"/files/..%2f..%2fetc%2fpasswd", "/files/a%2Fb", "/files/%2e%2e%5csecret.txt"}) {
            String request = RawConnection.get(target, path);
            RawResponse response = Exchanges.exchange(target, request);
            Checks.status(response, request, 400, 404);
            Checks.plainEngineAnswer(target, response);
        }
    }

    @ConformanceTest
    @DisplayName("a bad request line or header name is refused with X-IO-Model and a plain-text body")
    void malformedHeadIsRefusedWithTheContractsAnswer(TargetUnderTest target) throws IOException {
        String host = "Host: " + target.hostHeader() + "\r\n\r\n";
        for (String request : new String[] {
            "G@T " + target.path(Endpoints.ECHO) + " HTTP/1.1\r\n" + host,
            "GET " + target.path(Endpoints.ECHO) + " HTXP/1.1\r\n" + host,
            RawConnection.get(target, Endpoints.ECHO, "Bad(Name: x")
        }) {
            Checks.plainEngineAnswer(target, Exchanges.assertRefusedAndClosed(target, request, 400, 505));
        }
    }

    @ConformanceTest
    @DisplayName("an oversized request line or header section is refused with X-IO-Model and a plain-text body")
    void oversizedHeadIsRefusedWithTheContractsAnswer(TargetUnderTest target) throws IOException {
        String longLine =
                RawConnection.get(target, Endpoints.ECHO + "?msg=" + "a".repeat(Limits.MAX_REQUEST_LINE_BYTES + 100));
        RawResponse line = Exchanges.exchange(target, longLine);
        Checks.status(line, longLine, 414, 400);
        Checks.plainEngineAnswer(target, line);
        String bigHead = RawConnection.get(
                target, Endpoints.ECHO, "X-Big: " + "b".repeat(Limits.MAX_HEADER_SECTION_BYTES + 100));
        RawResponse head = Exchanges.exchange(target, bigHead);
        Checks.status(head, bigHead, 431, 400);
        Checks.plainEngineAnswer(target, head);
    }
}
