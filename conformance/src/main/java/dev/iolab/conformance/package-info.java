/**
 * The iolab conformance suite: one black-box check of the endpoint contract (docs/contract.md) that runs
 * against any target over real sockets. {@code *ConformanceIT} classes hold the rules, each a
 * {@link dev.iolab.conformance.ConformanceTest} run once per {@link dev.iolab.conformance.TargetUnderTest};
 * targets come from {@link dev.iolab.conformance.ConfiguredTargets} (launched processes or a URL) or any
 * {@link dev.iolab.conformance.TargetProvider}; {@link dev.iolab.conformance.ConformanceCli} runs the same
 * classes from the command line. See conformance/README.md.
 */
package dev.iolab.conformance;
