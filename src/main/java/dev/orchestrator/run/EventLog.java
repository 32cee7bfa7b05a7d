package dev.orchestrator.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes every run event to the log (and so to {@code orchestrator.log}), one line each. */
final class EventLog implements RunListener {

  private static final Logger log = LoggerFactory.getLogger("run");

  @Override
  public void on(RunEvent event) {
    if (event instanceof RunEvent.RunStarted e) {
      log.info(
          "run started: {} tasks on {} executors, output {}",
          e.tasks(),
          e.executors(),
          e.outputDirectory());
    } else if (event instanceof RunEvent.RepairRoundStarted e) {
      log.info("repair round {} started: fix tasks {}", e.round(), String.join(", ", e.fixTasks()));
    } else if (event instanceof RunEvent.TaskQueued e) {
      log.info("{} queued: {}", e.taskId(), e.name());
    } else if (event instanceof RunEvent.TaskStarted e) {
      log.info("[Executor-{}] started {}: {}", e.executor(), e.taskId(), e.name());
    } else if (event instanceof RunEvent.TaskProgress e) {
      log.debug("[Executor-{}] {} {}", e.executor(), e.taskId(), e.message());
    } else if (event instanceof RunEvent.TaskRetrying e) {
      log.warn(
          "[Executor-{}] {} attempt {} failed, retrying in {} ms: {}",
          e.executor(),
          e.taskId(),
          e.failedAttempt(),
          e.backoff().toMillis(),
          e.error());
    } else if (event instanceof RunEvent.TaskCompleted e) {
      log.info(
          "[Executor-{}] completed {} in {} ms, {} files",
          e.executor(),
          e.taskId(),
          e.duration().toMillis(),
          e.files());
    } else if (event instanceof RunEvent.TaskFailed e) {
      log.warn(
          "[Executor-{}] failed {} after {} ms: {}",
          e.executor(),
          e.taskId(),
          e.duration().toMillis(),
          e.error());
    } else if (event instanceof RunEvent.TaskSkipped e) {
      log.warn("{} skipped: {}", e.taskId(), e.reason());
    } else if (event instanceof RunEvent.StepStarted e) {
      log.info("{}", e.description());
    } else if (event instanceof RunEvent.RunFinished e) {
      log.info(
          "run finished in {} ms: {} completed, {} failed, {} skipped, {} not started",
          e.wallTime().toMillis(),
          e.completed(),
          e.failed(),
          e.skipped(),
          e.notStarted());
    }
  }
}
