package dev.iolab.blocking;

import dev.iolab.contract.DataDirectory;
import dev.iolab.contract.Limits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code iolab.*} settings: the data directory ({@code --iolab.data-dir}, env {@code IOLAB_DATA_DIR})
 * and the body limits, which default to the contract's {@link Limits}.
 *
 * @param dataDir where {@code /files/{name}} reads and writes; {@link DataDirectory#resolve} when unset
 * @param maxEchoBytes largest {@code POST /echo} body
 * @param maxUploadBytes largest {@code PUT /files/{name}} body
 * @param target the target id, set from the active profile by {@code TargetEnvironment}
 * @param socketBufferBytes SO_RCVBUF and SO_SNDBUF of every connection; unset (the default): the kernel's
 *        autotuning. A client that sends a whole body before reading the answer (the JDK HttpClient on
 *        HTTP/1.1) needs the echo in flight to fit in the socket buffers of both ends.
 * @param sendfile whether whole file bodies of 48 KiB and more go by Tomcat's sendfile (the default, true) or
 *        through Spring's copy loop (false: what Spring MVC does by itself, to compare the two)
 */
@ConfigurationProperties("iolab")
public record IolabProperties(
        Path dataDir,
        Long maxEchoBytes,
        Long maxUploadBytes,
        String target,
        Integer socketBufferBytes,
        Boolean sendfile) {

    public IolabProperties {
        dataDir = (dataDir != null ? dataDir : DataDirectory.resolve(null))
                .toAbsolutePath()
                .normalize();
        maxEchoBytes = maxEchoBytes != null ? maxEchoBytes : Limits.MAX_ECHO_BYTES;
        maxUploadBytes = maxUploadBytes != null ? maxUploadBytes : Limits.MAX_UPLOAD_BYTES;
        sendfile = sendfile == null || sendfile;
    }
}
