package dev.orchestrator.temporal;

import dev.orchestrator.agent.AgentResult;
import dev.orchestrator.output.Attempt;
import dev.orchestrator.output.DirectoryTree;
import dev.orchestrator.run.EngineRun;
import dev.orchestrator.run.RunEvent;
import dev.orchestrator.usage.TokenUsage;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's {@link Ledger}: turns the workflow's facts into the run's events and accepts
 * completed tasks through the {@link EngineRun}, which places, journals and announces each once.
 */
final class CoordinatorLedger implements Ledger {

  /** The detail under which a task's result names the worker (host:pid) that completed it. */
  static final String WORKER = "worker";

  private static final Logger log = LoggerFactory.getLogger(CoordinatorLedger.class);

  private final EngineRun run;
  private final ArtifactStore store;
  private final Consumer<TokenUsage> spent;

  /**
   * @param store the artifact directory; null when files travel in payloads
   * @param spent told what the attempts of each task spent, once, as its end is recorded
   */
  CoordinatorLedger(EngineRun run, ArtifactStore store, Consumer<TokenUsage> spent) {
    this.run = run;
    this.store = store;
    this.spent = spent;
  }

  @Override
  public void record(List<RunFact> facts) {
    int done = 0;
    for (RunFact fact : facts) {
      apply(fact);
      Activity.getExecutionContext().heartbeat(++done);
    }
  }

  private void apply(RunFact fact) {
    String id = fact.taskId();
    Instant at = Instant.ofEpochMilli(fact.atMillis());
    switch (fact.kind()) {
      case QUEUED:
        run.events().on(new RunEvent.TaskQueued(at, id, name(id)));
        break;
      case STARTED:
        run.events().on(new RunEvent.TaskStarted(at, id, name(id), fact.slot()));
        break;
      case RETRYING:
        run.events()
            .on(
                new RunEvent.TaskRetrying(
                    at,
                    id,
                    fact.slot(),
                    fact.attempt(),
                    fact.error(),
                    Duration.ofMillis(fact.backoffMillis())));
        break;
      case COMPLETED:
        accept(fact);
        break;
      case FAILED:
        fail(run, spent, fact);
        break;
      case SKIPPED:
        run.skip(id, fact.error());
        break;
      case CANCELLED:
        TokenUsage usage = spentBy(fact.attempts());
        if (run.cancelled(id, attempts(fact.attempts()), usage)) {
          count(usage);
        }
        break;
      default:
        throw new IllegalStateException("unknown fact " + fact.kind());
    }
  }

  private void accept(RunFact fact) {
    TaskDelivery delivery = fact.delivery();
    List<Attempt> attempts = attempts(fact.attempts());
    // What the attempts before the completing one spent: the completing one's is the delivery's.
    TokenUsage failedUsage =
        spentBy(fact.attempts().subList(0, Math.max(0, fact.attempts().size() - 1)));
    Path directory = run.attemptDirectory(fact.taskId(), delivery.attempt().number());
    try {
      byte[] zip = ArtifactStore.bytesOf(delivery.files(), store);
      DirectoryTree.delete(directory);
      Bundles.unzip(zip, directory);
      Map<String, String> details = new LinkedHashMap<>(delivery.details());
      details.put(WORKER, delivery.attempt().worker());
      boolean accepted =
          run.accept(
              fact.taskId(),
              fact.slot(),
              directory,
              new AgentResult(delivery.summary(), delivery.usage(), details),
              delivery.manifest(),
              attempts,
              failedUsage);
      if (accepted) {
        count(TokenUsage.sum(failedUsage, delivery.usage()));
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      log.error("task {}: its output cannot be kept: {}", fact.taskId(), e.getMessage(), e);
      TokenUsage usage = spentBy(fact.attempts());
      if (run.fail(
          fact.taskId(),
          fact.slot(),
          attempts,
          "its output cannot be kept: " + e.getMessage(),
          usage)) {
        count(usage);
      }
    }
  }

  /**
   * Records a task's failure with what its attempts spent, and counts that against {@code
   * --max-cost} once, as a local run counts failed attempts' requests.
   */
  static void fail(EngineRun run, Consumer<TokenUsage> spent, RunFact fact) {
    TokenUsage usage = spentBy(fact.attempts());
    if (run.fail(fact.taskId(), fact.slot(), attemptsOf(run, fact.attempts()), fact.error(), usage)
        && usage != null) {
      spent.accept(usage);
    }
  }

  /** What the attempts spent, as their workers measured it; null if they report nothing. */
  static TokenUsage spentBy(List<AttemptRecord> attempts) {
    TokenUsage total = null;
    for (AttemptRecord attempt : attempts) {
      total = TokenUsage.sum(total, attempt.usage());
    }
    return total;
  }

  private void count(TokenUsage usage) {
    if (usage != null) {
      spent.accept(usage);
    }
  }

  private String name(String taskId) {
    return run.plan().tasks().get(run.graph().indexOf(taskId)).name();
  }

  private List<Attempt> attempts(List<AttemptRecord> records) {
    return attemptsOf(run, records);
  }

  /** The attempts as the run records them; tells the run what its workers ran them with. */
  static List<Attempt> attemptsOf(EngineRun run, List<AttemptRecord> records) {
    records.forEach(attempt -> run.executedBy(attempt.executor()));
    return records.stream().map(AttemptRecord::toAttempt).toList();
  }
}
