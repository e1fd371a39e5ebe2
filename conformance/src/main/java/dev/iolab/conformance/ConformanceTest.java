package dev.iolab.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * One contract rule checked against every configured target: the method takes a {@link TargetUnderTest}
 * and runs once per target, each run reported as {@code [<target>] <rule>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
// autoCloseArguments = false: a LaunchedTarget is AutoCloseable and shared by every test; the registry stops it
@ParameterizedTest(name = "[{0}] {displayName}", autoCloseArguments = false)
@ArgumentsSource(ConformanceTargets.class)
@ExtendWith(FreshHttpClient.class)
@ExtendWith(ExcludedRules.class)
public @interface ConformanceTest {}
