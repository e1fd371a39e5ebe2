/** Prints what the launcher needs about the gateway from the contract: its port, then its JVM options. */
void main() {
    System.out.println(dev.iolab.contract.Target.GATEWAY_PORT);
    dev.iolab.contract.Target.COMMON_JVM_OPTIONS.forEach(System.out::println);
}
