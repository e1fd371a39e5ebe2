/**
 * The iolab endpoint contract (docs/contract.md) as code: paths, limits, header and metric names,
 * the registry of targets and the deterministic fixture files. Every other module reads these
 * constants instead of spelling the literals again.
 */
package dev.iolab.contract;
