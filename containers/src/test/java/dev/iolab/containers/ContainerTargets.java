package dev.iolab.containers;

import dev.iolab.conformance.TargetProvider;
import dev.iolab.conformance.TargetUnderTest;
import dev.iolab.contract.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance suite's targets as containers: every registry target from its image, then every one again through
 * the gateway image's route. Named by {@code -Diolab.conformance.provider} in this module's failsafe configuration.
 */
public final class ContainerTargets implements TargetProvider {

    @Override
    public List<TargetUnderTest> targets() {
        ContainerStack stack = ContainerStack.shared();
        List<TargetUnderTest> targets = new ArrayList<>();
        for (Target target : Target.values()) {
            targets.add(new ContainerTarget(target, stack, false));
        }
        for (Target target : Target.values()) {
            targets.add(new ContainerTarget(target, stack, true));
        }
        return targets;
    }

    @Override
    public void close() {
        ContainerStack.closeShared();
    }
}
