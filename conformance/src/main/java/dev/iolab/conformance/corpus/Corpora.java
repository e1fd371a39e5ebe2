package dev.iolab.conformance.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The external HTTP test vectors shipped on the classpath (this package's resources, sources and licences
 * in their README.md), one JSON object per case; reading one never yields fewer cases than it holds today.
 */
public enum Corpora {

    /** Request-parsing cases of llhttp's test suite. */
    LLHTTP_REQUESTS("llhttp-requests.jsonl", 81),
    /** Content-Length / Transfer-Encoding desync variants, each a {@code POST /echo}. */
    SMUGGLING("smuggling.jsonl", 69),
    /** Path traversal payloads against {@code /files/...}. */
    TRAVERSAL("traversal.jsonl", 47);

    /** Where the files live on the classpath, beside their licences. */
    static final String DIRECTORY = "/dev/iolab/conformance/corpora/";

    private final String fileName;
    private final int minimumCases;

    Corpora(String fileName, int minimumCases) {
        this.fileName = fileName;
        this.minimumCases = minimumCases;
    }

    /** The file name, e.g. {@code smuggling.jsonl} (how cases are named in reports). */
    public String fileName() {
        return fileName;
    }

    /**
     * The cases, one JSON object per element, in file order. Fails (an {@link AssertionError}, so a replay
     * fails rather than passing with nothing replayed) when the file is not on the classpath or holds fewer
     * cases than it should: a corpus that shrank is a change someone has to make on purpose, here.
     */
    public List<String> cases() {
        return read(DIRECTORY + fileName, minimumCases);
    }

    static List<String> read(String resource, int minimumCases) {
        List<String> cases;
        try (InputStream in = Corpora.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("CORPUS MISSING: " + resource + " is not on the classpath (it ships in the "
                        + "conformance jar); nothing was replayed, which is a failure, not a pass");
            }
            cases = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        if (cases.size() < minimumCases) {
            throw new AssertionError("CORPUS TOO SMALL: " + resource + " holds " + cases.size() + " cases, fewer than "
                    + minimumCases + "; a replay of it would prove less than it claims");
        }
        return cases;
    }
}
