/**
 * Resilience, measured (issue 12 item 7): {@code ./iolab chaos} and {@code ./iolab compare --chaos} run the hostile
 * clients of the conformance suite and a SIGKILL with a restart against each target, and report what each did to a
 * normal client, what the target held, and how long it took to serve again.
 */
package dev.iolab.loadtest.chaos;
