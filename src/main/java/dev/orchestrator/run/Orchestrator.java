package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.output.OutputAssembler;
import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.schedule.TaskStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole job as a library: requirement → plan → M executors on a dependency-aware queue →
 * summary and one consolidated project. The command line is one user of it; another Java program
 * can embed it the same way:
 *
 * <pre>{@code
 * RunOutcome outcome = Orchestrator.builder()
 *     .maxExecutors(3)
 *     .outputDirectory(Path.of("out"))
 *     .listener(event -> System.out.println(event))
 *     .build()
 *     .run("Build a todo list app with backend API and frontend UI");
 * }</pre>
 *
 * <p>By default the planner is the offline {@link HeuristicPlanner} and every executor a {@link
 * SimulatedAgent}, so a run needs no network and no key. An instance may run several plans, one at
 * a time.
 */
public final class Orchestrator {

  private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

  private final Planner planner;
  private final IntFunction<Agent> agents;
  private final int maxExecutors;
  private final Path outputDirectory;
  private final boolean force;
  private final RunListener listener;
  private final Clock clock;
  private volatile PlanExecution current;

  private Orchestrator(Builder builder) {
    this.planner = builder.planner;
    this.agents = builder.agents;
    this.maxExecutors = builder.maxExecutors;
    this.outputDirectory = builder.outputDirectory;
    this.force = builder.force;
    this.listener = new SerialListener(new EventLog().andThen(builder.listener));
    this.clock = builder.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Plans a requirement without running it.
   *
   * @throws UsageException if the requirement is blank
   * @throws OrchestratorException if the planner cannot make a valid plan
   */
  public Plan plan(String requirements) {
    if (requirements == null || requirements.isBlank()) {
      throw new UsageException(
          "the requirement is empty; describe what to build, e.g. \"Build a todo list app\"");
    }
    Plan plan = planner.plan(requirements.trim(), maxExecutors);
    return PlanValidator.requireValid(plan.withExecutorBudget(maxExecutors), "planner");
  }

  /**
   * Writes a plan as {@code execution_plan.json} into the output directory, preparing it.
   *
   * @return the plan file
   */
  public Path savePlan(Plan plan) {
    Path dir = OutputDirectory.prepare(outputDirectoryFor(plan), force);
    Path file = dir.resolve(PlanJson.FILE_NAME);
    writePlan(plan, file);
    return file;
  }

  /** Plans the requirement, then runs the plan. */
  public RunOutcome run(String requirements) throws InterruptedException {
    return execute(plan(requirements));
  }

  /**
   * Runs a plan: prepares the output directory, dispatches every task to the executors, then writes
   * the summary and the consolidated project.
   *
   * @throws dev.orchestrator.plan.InvalidPlanException if the plan is not valid
   * @throws InterruptedException if the calling thread is interrupted; running agents are
   *     interrupted first
   */
  public RunOutcome execute(Plan plan) throws InterruptedException {
    Plan budgeted = PlanValidator.requireValid(plan.withExecutorBudget(maxExecutors), "plan");
    Path dir = OutputDirectory.prepare(outputDirectoryFor(plan), force);
    try (RunLogFile logFile = RunLogFile.open(dir.resolve(OutputDirectory.LOG_FILE), false)) {
      writePlan(budgeted, dir.resolve(PlanJson.FILE_NAME));
      Instant startedAt = clock.instant();
      log.info("requirement: {}", budgeted.requirements());
      listener.on(new RunEvent.RunStarted(startedAt, budgeted.tasks().size(), maxExecutors, dir));
      PlanExecution execution =
          new PlanExecution(budgeted, dir, maxExecutors, agents, listener, clock);
      current = execution;
      List<TaskResult> results;
      try {
        results = execution.execute();
      } finally {
        current = null;
      }
      RunRecord record = new RunRecord(budgeted, maxExecutors, dir, startedAt, clock.instant(), results);
      OutputAssembler.assemble(record);
      boolean stopped = results.stream().anyMatch(r -> r.status() == TaskStatus.NOT_STARTED);
      Instant end = clock.instant();
      listener.on(
          new RunEvent.RunFinished(
              end,
              count(results, TaskStatus.COMPLETED),
              count(results, TaskStatus.FAILED),
              count(results, TaskStatus.SKIPPED),
              count(results, TaskStatus.NOT_STARTED),
              Duration.between(startedAt, end)));
      return new RunOutcome(record, dir, stopped);
    }
  }

  /**
   * Stops dispatching in the current run: running tasks finish, the rest are reported as not
   * started. Safe to call from any thread, e.g. a shutdown hook; does nothing between runs.
   */
  public void stop() {
    PlanExecution execution = current;
    if (execution != null) {
      execution.stop();
    }
  }

  private Path outputDirectoryFor(Plan plan) {
    return outputDirectory != null
        ? outputDirectory
        : OutputDirectory.defaultFor(Path.of(""), plan.requirements());
  }

  private static void writePlan(Plan plan, Path file) {
    try {
      PlanJson.write(plan, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static int count(List<TaskResult> results, TaskStatus status) {
    return (int) results.stream().filter(r -> r.status() == status).count();
  }

  /** Configures an {@link Orchestrator}; every setting has a default that runs offline. */
  public static final class Builder {
    private Planner planner = new HeuristicPlanner();
    private IntFunction<Agent> agents = executor -> new SimulatedAgent(Duration.ofMillis(300));
    private int maxExecutors = 5;
    private Path outputDirectory;
    private boolean force;
    private RunListener listener = event -> {};
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The planner; default the offline heuristic planner. */
    public Builder planner(Planner planner) {
      this.planner = requireNonNull(planner, "planner");
      return this;
    }

    /** Makes the agent of each executor (numbered from 1); default simulated agents. */
    public Builder agents(IntFunction<Agent> agentForExecutor) {
      this.agents = requireNonNull(agentForExecutor, "agentForExecutor");
      return this;
    }

    /**
     * The executor budget M; default 5.
     *
     * @throws UsageException if less than 1
     */
    public Builder maxExecutors(int executors) {
      if (executors < 1) {
        throw new UsageException(
            "--max-executors must be at least 1, was " + executors + "; use e.g. -m 3");
      }
      this.maxExecutors = executors;
      return this;
    }

    /** Where to write; default {@code outputs/<slug-of-the-requirement>} in the working directory. */
    public Builder outputDirectory(Path directory) {
      this.outputDirectory = directory;
      return this;
    }

    /** Whether a non-empty directory that is not an earlier run may be written into. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Hears every run event (console, reports); called one event at a time. */
    public Builder listener(RunListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** The clock of timestamps; for tests. Default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public Orchestrator build() {
      return new Orchestrator(this);
    }
  }
}
