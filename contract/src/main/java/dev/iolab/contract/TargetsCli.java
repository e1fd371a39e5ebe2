package dev.iolab.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets the bash launcher read the target registry instead of repeating it:
 * {@code list <repo-root>} prints one tab-separated line per target (id, module, built, port, model);
 * {@code command <id> <repo-root> <port> <data-dir>} prints the java command line, one argument per line.
 */
public final class TargetsCli {

    private TargetsCli() {}

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("list")) {
            Path root = Path.of(args[1]);
            for (Target t : Target.values()) {
                boolean built = Files.isRegularFile(t.module().jar(root));
                System.out.println(String.join(
                        "\t",
                        t.id(),
                        t.module().directory(),
                        built ? "built" : "not-built",
                        Integer.toString(t.defaultPort()),
                        t.model()));
            }
        } else if (args.length == 5 && args[0].equals("command")) {
            Target target = Target.byId(args[1])
                    .orElseThrow(() ->
                            usage("unknown target: " + args[1] + " (known: " + String.join(", ", Target.ids()) + ")"));
            Path javaHome = Path.of(System.getProperty("java.home"));
            target.command(javaHome, Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]))
                    .forEach(System.out::println);
        } else {
            throw usage("usage: TargetsCli list <repo-root> | command <id> <repo-root> <port> <data-dir>");
        }
    }

    private static IllegalArgumentException usage(String message) {
        System.err.println(message);
        System.exit(2);
        return new IllegalArgumentException(message);
    }
}
