/**
 * Integrity under sustained concurrent load (issue 12 items 4 and 6): many clients exchanging random bodies with
 * checksums, the server's request counts against the client's, and the memory a target holds while 64 clients
 * move 16 MiB bodies at once.
 */
package dev.iolab.conformance.soak;
