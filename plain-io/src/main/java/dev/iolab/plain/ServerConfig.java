package dev.iolab.plain;

import dev.iolab.contract.DataDirectory;
import dev.iolab.contract.Limits;
import dev.iolab.contract.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The command line of plain-io, with its documented defaults:
 * {@code --model <blocking|poll|busypoll|epoll|aio|mmap|uring> --port N [--management-port N] --data-dir DIR [--threads N]
 * [--header-timeout-ms N] [--idle-timeout-ms N]}.
 */
public record ServerConfig(
        Model model,
        int port,
        int managementPort,
        Path dataDir,
        int threads,
        Duration headerTimeout,
        Duration idleTimeout) {

    public static final String USAGE = """
            usage: java -jar plain-io.jar --model <blocking|poll|busypoll|epoll|aio|mmap|uring> [options]
              --model M              the I/O model to serve with (required)
              --port N               TCP port (default: the target's default port, e.g. 8094 for epoll; 0 = any)
              --management-port N    health and metrics on threads of their own (default: port + 1000; 0 = any)
              --data-dir DIR         files directory (default: $IOLAB_DATA_DIR, else run/data)
              --threads N            reactor / spinning / channel-group threads (default: per model, see README)
              --header-timeout-ms N  time allowed for a request head (default 20000, slowloris guard)
              --idle-timeout-ms N    idle keep-alive timeout (default 60000)
              --help                 this text
            """;

    /** Parses flags; throws IllegalArgumentException with a clear message on anything unknown or missing. */
    public static ServerConfig parse(String... args) {
        Model model = null;
        Integer port = null;
        Integer managementPort = null;
        String dataDir = null;
        int threads = 0;
        Duration header = Limits.HEADER_READ_TIMEOUT;
        Duration idle = Limits.KEEP_ALIVE_TIMEOUT;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--model" -> model = Model.of(value.toLowerCase(Locale.ROOT));
                case "--port" -> port = Integer.parseInt(value);
                case Target.MANAGEMENT_PORT_FLAG -> managementPort = Integer.parseInt(value);
                case DataDirectory.FLAG -> dataDir = value;
                case "--threads" -> threads = Integer.parseInt(value);
                case "--header-timeout-ms" -> header = Duration.ofMillis(Long.parseLong(value));
                case "--idle-timeout-ms" -> idle = Duration.ofMillis(Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required");
        }
        int servicePort = port == null ? model.target().defaultPort() : port;
        return new ServerConfig(
                model,
                servicePort,
                managementPort == null ? Target.managementPortFor(servicePort) : managementPort,
                DataDirectory.resolve(dataDir),
                threads,
                header,
                idle);
    }

    /** Thrown for {@code --help}. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }
}
