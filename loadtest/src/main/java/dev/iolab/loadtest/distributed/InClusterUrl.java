package dev.iolab.loadtest.distributed;

import dev.iolab.contract.Target;

/** Where a target answers inside the cluster: its Service (named by its id) or the gateway's route to it. */
final class InClusterUrl {

    private InClusterUrl() {}

    static String of(Target target, String via) {
        return switch (via) {
            case "direct" -> "http://" + target.id() + ":" + target.defaultPort();
            case "gateway" -> "http://" + Target.GATEWAY_ID + ":" + Target.GATEWAY_PORT + "/" + target.id();
            default -> throw new IllegalArgumentException("IOLAB_LOAD_VIA is direct or gateway, not " + via);
        };
    }
}
