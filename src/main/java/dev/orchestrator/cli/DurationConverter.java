package dev.orchestrator.cli;

import dev.orchestrator.plan.EstimatedDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads option values such as {@code 300ms}, {@code 90s}, {@code 10min}, {@code 2hrs}. */
final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return EstimatedDuration.parse(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "\"" + value + "\" is not a duration; use e.g. 300ms, 90s or 10min"));
  }
}
