package dev.orchestrator.cli;

import dev.orchestrator.UsageException;
import dev.orchestrator.llm.CostMeter;
import dev.orchestrator.run.Engine;
import dev.orchestrator.temporal.TemporalEngine;
import dev.orchestrator.temporal.TemporalSettings;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a run's task attempts happen: {@code --engine local} (default) or {@code temporal}. */
final class EngineOptions {

  /** The engines, by name. */
  enum EngineKind {
    /** Executor threads in this process. */
    LOCAL,
    /** Workers on any machines, through a Temporal server. */
    TEMPORAL
  }

  @Option(
      names = "--engine",
      paramLabel = "NAME",
      description =
          "Where tasks run: local (executor threads here, the default) or temporal (orchestrator"
              + " worker processes on any machines, through the server of --temporal).")
  EngineKind kind;

  @Mixin TemporalOptions temporal;

  @Option(
      names = "--heartbeat-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "With --engine temporal: a worker silent this long is taken for lost and its task runs"
              + " again on another (default: 10s).")
  Duration heartbeatTimeout;

  /**
   * The engine chosen, or null for the local one. {@code --temporal} alone chooses Temporal.
   *
   * @throws UsageException if {@code --engine temporal} lacks {@code --temporal}
   */
  Engine engine(CostMeter meter) {
    if (!temporal()) {
      return null;
    }
    if (temporal.target == null) {
      throw new UsageException(
          "--engine temporal needs the server: add --temporal HOST:PORT, e.g. --temporal"
              + " localhost:7233 (temporal server start-dev runs one for a try-out)");
    }
    TemporalSettings settings = temporal.settings(heartbeatTimeout());
    // The workers' model requests count against --max-cost as their tasks are accepted here; the
    // workflow holds what is left of the limit itself, as each attempt ends.
    return new TemporalEngine(
        settings,
        "coordinator@" + TemporalOptions.processIdentity(),
        usage -> meter.record(usage.tokens(), usage.costUsd()),
        meter::remaining);
  }

  /**
   * How much longer than a local run a cancelled run may take to end: on Temporal a running attempt
   * hears of the cancellation at its next heartbeat, then the workflow and this coordinator end.
   */
  Duration extraCancellationGrace() {
    return temporal() ? heartbeatTimeout() : Duration.ZERO;
  }

  private boolean temporal() {
    EngineKind chosen = kind != null ? kind : temporal.target != null ? EngineKind.TEMPORAL : null;
    return chosen == EngineKind.TEMPORAL;
  }

  private Duration heartbeatTimeout() {
    return heartbeatTimeout != null ? heartbeatTimeout : TemporalSettings.DEFAULT_HEARTBEAT_TIMEOUT;
  }
}
