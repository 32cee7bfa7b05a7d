package dev.orchestrator.temporal;

import dev.orchestrator.agent.Agent;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.DirectoryTree;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code orchestrator worker}: polls a task queue for runs' workflows and task attempts, running at
 * most one attempt per agent at once. Any number may serve one queue, on any machines.
 */
public final class TaskWorker {

  private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);

  private final TemporalConnection connection;
  private final WorkerFactory factory;
  private final ScheduledExecutorService timers;
  private final Path workDirectory;
  private final CountDownLatch stopping = new CountDownLatch(1);

  private TaskWorker(
      TemporalConnection connection,
      WorkerFactory factory,
      ScheduledExecutorService timers,
      Path workDirectory) {
    this.connection = connection;
    this.factory = factory;
    this.timers = timers;
    this.workDirectory = workDirectory;
  }

  /**
   * Connects and starts polling.
   *
   * @param agents one per attempt this worker may run at once
   * @param executor what the agents are, reported with every attempt: the coordinator names the
   *     run's executor from what its workers report, not from its own options
   * @param scratch where the worker makes its work directory (attempts, unpacked files)
   * @param identity {@code host:pid}, recorded with every attempt
   * @throws dev.orchestrator.ConfigurationException if the server cannot be reached
   */
  public static TaskWorker start(
      TemporalSettings settings,
      List<Agent> agents,
      Backend executor,
      Path scratch,
      String identity) {
    ArtifactStore store = ArtifactStore.optional(settings.artifactDirectory());
    Path workDirectory;
    try {
      workDirectory = Files.createTempDirectory(scratch, "orchestrator-worker-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a work directory in " + scratch, e);
    }
    TemporalConnection connection = TemporalConnection.open(settings, identity);
    ScheduledExecutorService timers =
        Executors.newScheduledThreadPool(
            1,
            r -> {
              Thread thread = new Thread(r, "attempt-timers");
              thread.setDaemon(true);
              return thread;
            });
    WorkerFactory factory = WorkerFactory.newInstance(connection.client());
    Worker worker =
        factory.newWorker(
            settings.taskQueue(),
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(agents.size())
                .setMaxHeartbeatThrottleInterval(ActivityBounds.HEARTBEAT_THROTTLE)
                .setIdentity(identity)
                .build());
    worker.registerWorkflowImplementationTypes(ReadyQueueRun.class);
    worker.registerActivitiesImplementations(
        new AgentTaskActivity(
            connection.client(),
            agents,
            executor,
            store,
            workDirectory,
            identity,
            timers,
            Clock.systemUTC()));
    factory.start();
    log.info(
        "worker {} polls {} on {} ({} at once)",
        identity,
        settings.taskQueue(),
        settings.target(),
        agents.size());
    return new TaskWorker(connection, factory, timers, workDirectory);
  }

  /** Stops taking work; attempts already running finish and are delivered. Safe from any thread. */
  public void stop() {
    factory.shutdown();
    stopping.countDown();
  }

  /**
   * Blocks until {@link #stop} was called and the running attempts have finished, then closes the
   * connection.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitStopped() throws InterruptedException {
    stopping.await();
    factory.awaitTermination(365, TimeUnit.DAYS);
    timers.shutdownNow();
    connection.close();
    try {
      DirectoryTree.delete(workDirectory);
    } catch (IOException e) {
      log.warn("cannot remove the work directory {}: {}", workDirectory, e.toString());
    }
  }
}
