package dev.iolab.blocking.files;

import dev.iolab.blocking.IolabProperties;
import dev.iolab.contract.Conditionals;
import dev.iolab.contract.Endpoints;
import dev.iolab.contract.FileValidators;
import dev.iolab.contract.InsufficientStorage;
import dev.iolab.contract.MediaTypes;
import dev.iolab.contract.PercentDecoding;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.catalina.Globals;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@code /files/{name}} with blocking file I/O: GET and HEAD open a {@code FileVersion}, answer 304 and If-Range
 * by the contract's {@link Conditionals}, and hand the open file to Spring's range support (single and multipart
 * ranges); PUT streams to a temporary file that the contract's {@code UploadPublisher} puts in place.
 */
@Controller
public class FileHandler {

    private static final String OPEN_FILE_ATTRIBUTE = FileHandler.class.getName() + ".openFile";

    /**
     * Bodies from this size on go by Tomcat's sendfile, as its own DefaultServlet's {@code sendfileSize} does:
     * below it, the extra open(2) by name costs more than the copy it saves.
     */
    static final long SENDFILE_FROM_BYTES = 48 * 1024;

    private final FileStore store;
    private final SendfileLinks sendfileLinks;
    private final boolean useSendfile;
    private final long maxUploadBytes;

    FileHandler(FileStore store, SendfileLinks sendfileLinks, IolabProperties properties) {
        this.store = store;
        this.sendfileLinks = sendfileLinks;
        this.useSendfile = properties.sendfile();
        this.maxUploadBytes = properties.maxUploadBytes();
    }

    // HEAD listed explicitly so that a 405 (say for DELETE) names it in Allow.
    @RequestMapping(
            path = Endpoints.FILES_TEMPLATE,
            method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<Resource> get(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = nameOf(request);
        Path path = name == null ? null : store.resolve(name);
        if (path == null) {
            return ResponseEntity.badRequest().build();
        }
        OpenFile file = store.open(path);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        // Closed when the request completes, after Spring has written the body (or a 304 / 416).
        RequestContextHolder.currentRequestAttributes()
                .registerDestructionCallback(OPEN_FILE_ATTRIBUTE, file::close, RequestAttributes.SCOPE_REQUEST);
        FileValidators validators = file.validators();
        // On the servlet response, not the entity: Spring's own conditional check then finds no validator and
        // leaves 304 and If-Range to the contract's Conditionals, like every other target.
        response.setHeader(HttpHeaders.ETAG, validators.etag());
        response.setHeader(HttpHeaders.LAST_MODIFIED, validators.lastModifiedHttpDate());
        if (Conditionals.notModified(
                header(request, HttpHeaders.IF_NONE_MATCH),
                header(request, HttpHeaders.IF_MODIFIED_SINCE),
                validators)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(MediaTypes.forFileName(name)))
                // Set here so that Spring does not add its RFD guard "inline;filename=f.txt" for .bin files.
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(name).build().toString());
        // RFC 9110 §13.1.5: an If-Range naming another version turns the Range into a request for the whole file
        boolean rangeApplies = Conditionals.rangeApplies(header(request, HttpHeaders.IF_RANGE), validators);
        Ranges.Verdict verdict = rangeApplies ? Ranges.check(request, file) : Ranges.Verdict.IGNORED;
        if ((verdict == Ranges.Verdict.NONE || verdict == Ranges.Verdict.IGNORED) && sendfile(request, path, file)) {
            // The whole file by the blocking model's own zero-copy path: Tomcat sends it with sendfile(2) once the
            // head below is written, instead of Spring copying it through 8 KiB buffers (docs/performance.md).
            return ok.contentLength(file.contentLength())
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                    .build();
        }
        return switch (verdict) {
            // Spring's own range support: 206 with Content-Range, or multipart/byteranges; 304 first.
            case NONE, SATISFIABLE -> ok.body(file);
            // Spring would answer 416 but with the whole file as its body: answer it here, empty.
            case UNSATISFIABLE ->
                ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.contentLength())
                        .build();
            // Invalid, or ranges Spring would refuse as a whole: ignore Range (RFC 9110 §14.2) and send it all.
            case IGNORED ->
                ok.contentLength(file.contentLength())
                        .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                        .body(Ranges.withoutRangeSupport(file));
        };
    }

    /**
     * Hands the whole body of a GET to Tomcat's sendfile when the connector has it (not on TLS) and the body is
     * large enough: the name given is a link to this very version ({@link SendfileLinks}), since Tomcat opens
     * it by name after this method returns. False when the handler must send the body itself.
     */
    private boolean sendfile(HttpServletRequest request, Path path, OpenFile file) {
        if (!useSendfile
                || !"GET".equals(request.getMethod())
                || file.contentLength() < SENDFILE_FROM_BYTES
                || !Boolean.TRUE.equals(request.getAttribute(Globals.SENDFILE_SUPPORTED_ATTR))) {
            return false;
        }
        Path link = sendfileLinks.linkTo(path, file.version());
        if (link == null) {
            return false;
        }
        request.setAttribute(Globals.SENDFILE_FILENAME_ATTR, link.toString());
        request.setAttribute(Globals.SENDFILE_FILE_START_ATTR, 0L);
        request.setAttribute(Globals.SENDFILE_FILE_END_ATTR, file.contentLength());
        return true;
    }

    @PutMapping(Endpoints.FILES_TEMPLATE)
    public ResponseEntity<Void> put(HttpServletRequest request) throws IOException {
        String name = nameOf(request);
        Path path = name == null ? null : store.resolve(name);
        if (path == null) {
            return ResponseEntity.badRequest().build();
        }
        if (request.getContentLengthLong() > maxUploadBytes) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        FileStore.Stored stored;
        try {
            stored = store.store(path, request.getInputStream(), maxUploadBytes);
        } catch (IOException e) {
            if (!InsufficientStorage.is(e)) {
                throw e;
            }
            // Disk full: the temporary file is gone, the old file untouched; the unread body ends the connection.
            return ResponseEntity.status(InsufficientStorage.STATUS)
                    .header(HttpHeaders.CONNECTION, "close")
                    .build();
        }
        return switch (stored) {
            case CREATED -> ResponseEntity.status(HttpStatus.CREATED).build();
            case REPLACED -> ResponseEntity.noContent().build();
            case TOO_LARGE ->
                ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        };
    }

    /**
     * The name exactly as the contract defines it: the raw last path segment, percent-decoded once.
     * Deliberately not Spring's {@code @PathVariable}, which drops {@code ;params} and so would accept
     * {@code hello.txt;x} as {@code hello.txt}; Tomcat's own decoded path is not used either.
     */
    static String nameOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + Endpoints.FILES_PREFIX.length();
        if (uri.length() <= start) {
            return null;
        }
        return PercentDecoding.decode(uri.substring(start), false);
    }

    /** A request header's lines joined as one list (RFC 9110 §5.3), null when absent. */
    private static String header(HttpServletRequest request, String name) {
        List<String> lines = Collections.list(request.getHeaders(name));
        return lines.isEmpty() ? null : String.join(", ", lines);
    }
}
