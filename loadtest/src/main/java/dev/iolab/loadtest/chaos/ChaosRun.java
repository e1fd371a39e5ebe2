package dev.iolab.loadtest.chaos;

import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.conformance.hostile.AttackOutcome;
import dev.iolab.conformance.hostile.HostileScenario;
import dev.iolab.conformance.hostile.LatencyProbe;
import dev.iolab.conformance.hostile.ProcessGauges;
import dev.iolab.loadtest.runner.CompareOptions;
import dev.iolab.loadtest.runner.CpuPinning;
import dev.iolab.loadtest.runner.Deployment;
import dev.iolab.loadtest.runner.TargetProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chaos pass over a list of targets, one at a time: each launched fresh (behind its own gateway with
 * {@code --via-gateway}), attacked by every hostile client of the conformance suite while a normal client and a
 * health probe run ({@link HostileScenario}), then killed with SIGKILL under load and restarted ({@link KillProbe}).
 */
public final class ChaosRun {

    private final CompareOptions options;
    private final CpuPinning pinning;
    private final Path logs;

    public ChaosRun(CompareOptions options, CpuPinning pinning, Path logs) {
        this.options = options;
        this.pinning = pinning;
        this.logs = logs;
    }

    /** Runs every target in turn; a target that cannot be launched is reported as not measured, and the rest run. */
    public Resilience run(List<String> targets) {
        List<Resilience.Target> results = new ArrayList<>();
        for (String id : targets) {
            String label = options.viaGateway() ? "gateway/" + id : id;
            System.err.println("iolab chaos: " + label + ": hostile clients for about "
                    + (options.chaosWindow()
                                    .plus(HostileScenario.STEP.multipliedBy(5))
                                    .toSeconds()
                            + 10)
                    + " s, then SIGKILL and restart");
            Resilience.Target result;
            try (Deployment deployment = Deployment.open(id, options, pinning, logs)) {
                result = measure(id, label, deployment);
            } catch (Exception e) {
                result = Resilience.Target.failed(id, label, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            result.problems().forEach(p -> System.err.println("iolab chaos: " + label + ": " + p));
            results.add(result);
        }
        return new Resilience(results);
    }

    private Resilience.Target measure(String id, String label, Deployment deployment) throws Exception {
        TargetProcess front = deployment.gateway() != null ? deployment.gateway() : deployment.target();
        URI base = URI.create(deployment.loadUrl());
        TargetUnderTest target = new LaunchedUnderTest(
                id,
                label,
                base,
                front.managementUrl().map(URI::create),
                deployment.target().dataDir());
        HostileScenario.Result hostile = new HostileScenario(target, options.chaosWindow()).run();
        hostile.lines().forEach(System.err::println);
        Resilience.Kill kill =
                deployment.target().pid().isPresent() ? new KillProbe(pinning).run(deployment.target(), base) : null;
        return of(id, label, hostile, kill);
    }

    /** The report's view of what the scenario saw. */
    static Resilience.Target of(String id, String label, HostileScenario.Result hostile, Resilience.Kill kill) {
        List<Resilience.Attack> attacks = new ArrayList<>();
        for (AttackOutcome a : hostile.attacks()) {
            attacks.add(new Resilience.Attack(
                    a.attack().label(),
                    a.connections(),
                    a.stillOpen(),
                    a.closedAfter().map(d -> d.toMillis() / 1000.0).orElse(null),
                    a.closeBound().toSeconds(),
                    a.boundObserved(),
                    LatencyProbe.p99Millis(a.normal()),
                    a.normal().size(),
                    a.normal().stream().filter(LatencyProbe.Sample::failed).count(),
                    a.held().threads(),
                    a.held().rssBytes() / (1 << 20)));
        }
        ProcessGauges.Reading peak = hostile.peak().since(hostile.before());
        return new Resilience.Target(
                id,
                label,
                LatencyProbe.p99Millis(hostile.baseline()),
                attacks,
                LatencyProbe.p99Millis(hostile.normalDuringAttacks()),
                hostile.normalDuringAttacks().size(),
                hostile.normalDuringAttacks().stream()
                        .filter(LatencyProbe.Sample::failed)
                        .count(),
                hostile.healthWhere(),
                LatencyProbe.maxMillis(hostile.health()),
                hostile.health().size(),
                hostile.healthPolls().stream()
                        .filter(p -> p.exceeds(HostileScenario.HEALTH_BOUND))
                        .count(),
                peak.threads(),
                peak.rssBytes() / (1 << 20),
                hostile.afterwards(),
                kill,
                null);
    }

    /** A target launched here, as the conformance suite's hostile clients address it. */
    private record LaunchedUnderTest(
            String id, String label, URI baseUri, Optional<URI> managementUri, Optional<Path> dataDir)
            implements TargetUnderTest {}

    /** How long one target takes at most, for the progress line: the window, the stagger, the kill. */
    public static Duration planned(CompareOptions options) {
        return options.chaosWindow().plus(HostileScenario.STEP.multipliedBy(5)).plusSeconds(20);
    }
}
