package dev.iolab.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule about the serving process itself (its management port under a flood, its answer to SIGTERM): it runs
 * once per {@link TargetUnderTest#server()}, on the first target that process serves. Every route through one
 * gateway is served by that gateway, so repeating such a rule per route measures the same process again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OncePerServer {}
