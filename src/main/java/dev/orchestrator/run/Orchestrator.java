package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.Secrets;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.llm.Sleeper;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.OutputAssembler;
import dev.orchestrator.output.ProjectReadme;
import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryJson;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Verification;
import dev.orchestrator.output.report.ReportModel;
import dev.orchestrator.output.report.RunReport;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.schedule.OrderSearch;
import dev.orchestrator.verify.VerificationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
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
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final boolean budgetGiven;
  private final Secrets secrets;
  private final Engine engine;
  private final Backend plannerKind;
  private final Backend executorKind;
  private volatile PlanExecution current;
  private volatile EngineRun currentRemote;
  private volatile boolean cancelRequested;
  private volatile boolean stopRequested;
  private final VerificationSettings verification;
  private final String off;
  private volatile Thread verifyingThread;

  private Orchestrator(Builder builder) {
    this.planner = builder.planner;
    this.agents = builder.agents;
    this.maxExecutors = builder.maxExecutors;
    this.outputDirectory = builder.outputDirectory;
    this.force = builder.force;
    this.listener = new EventLog().andThen(builder.listener);
    this.clock = builder.clock;
    this.retryPolicy = builder.retryPolicy;
    this.sleeper = builder.sleeper;
    this.budgetGiven = builder.budgetGiven;
    this.secrets = builder.secrets;
    this.engine = builder.engine;
    this.verification = builder.verification;
    this.off = builder.verificationOff;
    this.plannerKind = builder.plannerKind;
    this.executorKind = builder.executorKind;
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
    Plan plan = planner.plan(Planner.checkedRequirement(requirements, maxExecutors), maxExecutors);
    return PlanValidator.requireValid(plan.withExecutorBudget(maxExecutors), "planner");
  }

  /**
   * Writes a plan as {@code execution_plan.json} into the output directory, preparing it.
   *
   * @return the plan file
   */
  public Path savePlan(Plan plan) {
    Path dir = OutputDirectory.claim(outputDirectoryFor(plan), force);
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      OutputDirectory.clear(dir);
      Path file = dir.resolve(PlanJson.FILE_NAME);
      writePlan(plan, file);
      Journal.open(dir).close(); // an empty journal: the directory is a run, not yet started
      return file;
    }
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
    Plan budgeted = PlanValidator.requireValid(budgeted(plan), "plan");
    Path dir = OutputDirectory.claim(outputDirectoryFor(plan), force);
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      OutputDirectory.clear(dir);
      writePlan(budgeted, dir.resolve(PlanJson.FILE_NAME));
      return executePrepared(budgeted, dir, Map.of(), null);
    }
  }

  /**
   * Finishes an interrupted run: tasks the journal records as completed whose output files are
   * still intact are kept; every other task runs again; the summary and the consolidated project
   * then cover all tasks, and the log continues. The executor budget is the one the run was planned
   * with, unless this orchestrator was given one explicitly.
   *
   * @throws UsageException if the directory is not a run, has no readable plan, or its journal is
   *     damaged beyond its last record
   */
  public RunOutcome resume(Path directory) throws InterruptedException {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.isDirectory(dir.resolve(OutputDirectory.STATE))
        && Files.exists(dir.resolve(PlanJson.FILE_NAME))
        && !OutputDirectory.isRun(dir)) {
      throw new UsageException(
          dir
              + " has lost its journal ("
              + OutputDirectory.STATE
              + "/"
              + Journal.FILE
              + "), so no task of it can be trusted as done; run the plan again: orchestrator run"
              + " --plan "
              + dir.resolve(PlanJson.FILE_NAME)
              + " -o <new directory>");
    }
    if (!Files.isDirectory(dir) || !OutputDirectory.isRun(dir)) {
      throw new UsageException(
          dir
              + " is not an orchestrator run (it has no "
              + OutputDirectory.STATE
              + "/"
              + Journal.FILE
              + ");"
              + " give the output directory of an earlier run");
    }
    Path planFile = dir.resolve(PlanJson.FILE_NAME);
    if (!Files.exists(planFile)) {
      throw new UsageException(
          dir
              + " has no "
              + PlanJson.FILE_NAME
              + ", so there is nothing to resume; start a new run");
    }
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      return resumeLocked(dir, budgeted(PlanJson.read(planFile)));
    }
  }

  private RunOutcome resumeLocked(Path dir, Plan plan) throws InterruptedException {
    Map<String, CompletedTask> intact = new LinkedHashMap<>();
    Set<String> ids = plan.tasks().stream().map(t -> t.id()).collect(Collectors.toSet());
    List<com.fasterxml.jackson.databind.JsonNode> records;
    RunLogFile resumeLog = RunLogFile.open(dir.resolve(OutputDirectory.LOG_FILE), true, secrets);
    try (resumeLog) {
      records = Journal.replay(dir); // a repair is logged in the run's own log
    }
    Journal.completedTasks(records, dir)
        .forEach(
            (id, task) -> {
              if (ids.contains(id) && FileHashes.intact(task.rawDirectory(), task.files())) {
                intact.put(id, task);
              }
            });
    OutputDirectory.prepareResume(
        dir, intact.values().stream().map(CompletedTask::rawDirectory).collect(Collectors.toSet()));
    return executePrepared(plan, dir, intact, records);
  }

  /**
   * Builds and tests the consolidated project of an earlier run again, with the repair rounds of
   * the verification settings; the summary, README and report then say what it found.
   *
   * @throws UsageException if the directory is not a finished run, or no verification is set
   */
  public Verification verify(Path directory) {
    if (verification == null) {
      throw new UsageException("verify needs verification settings: " + off);
    }
    EarlierRun earlier = EarlierRun.read(directory);
    Path dir = earlier.directory();
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    RunLogFile runLog = RunLogFile.open(dir.resolve(OutputDirectory.LOG_FILE), true, secrets);
    try (lock;
        runLog;
        Journal journal = Journal.open(dir, secrets)) {
      RepairRounds rounds =
          new RepairRounds(
              new RepairRounds.Run(
                  dir, earlier.record().executors(), clock, earlier.record().startedAt()),
              earlier.record(),
              earlier.summary(),
              fixDispatch(dir, journal),
              () -> cancelRequested || stopRequested);
      Summary summary = verifying(() -> rounds.verify(verification));
      RunReport.write(dir, ReportModel.fromRun(rounds.record().plan(), summary));
      scrubOutputs(dir);
      return summary.verification();
    }
  }

  /**
   * The plan with the executor budget a run of this orchestrator gives it: the one set with {@link
   * Builder#maxExecutors}, else the plan's own.
   */
  public Plan budgeted(Plan plan) {
    return budgetGiven ? plan.withExecutorBudget(maxExecutors) : plan;
  }

  /**
   * @param earlier the journal records of the sessions this one resumes; null for a new run
   */
  private RunOutcome executePrepared(
      Plan plan,
      Path dir,
      Map<String, CompletedTask> completedBefore,
      List<com.fasterxml.jackson.databind.JsonNode> earlier)
      throws InterruptedException {
    boolean resumed = earlier != null;
    int executors = plan.executorBudget();
    PlanExecution.Dispatch dispatch = searchedDispatch(plan);
    RunLogFile runLog = RunLogFile.open(dir.resolve(OutputDirectory.LOG_FILE), resumed, secrets);
    try (runLog;
        Journal journal = Journal.open(dir, secrets)) {
      Instant startedAt = clock.instant();
      if (resumed) {
        log.info(
            "resuming: {} of {} tasks completed earlier with intact output",
            completedBefore.size(),
            plan.tasks().size());
      }
      log.info("requirement: {}", plan.requirements());
      journal.runStarted(startedAt, executors, completedBefore.size());
      List<TaskResult> results;
      try (EventWriter events = EventWriter.start(new JournalRecorder(journal).andThen(listener))) {
        events.on(
            new RunEvent.RunStarted(
                startedAt, plan.tasks().size(), executors, dir, completedBefore.size()));
        results = dispatch(plan, dispatch, dir, events, journal, completedBefore, resumed);
      }
      RunRecord record =
          new RunRecord(
              plan,
              executors,
              dir,
              startedAt,
              clock.instant(),
              results,
              plannerKind,
              executorKind,
              resumed ? Journal.pauses(earlier, startedAt) : List.of());
      Summary summary = OutputAssembler.assemble(record);
      if (verification != null) {
        RepairRounds rounds =
            new RepairRounds(
                new RepairRounds.Run(dir, executors, clock, startedAt),
                record,
                summary,
                fixDispatch(dir, journal),
                () -> cancelRequested || stopRequested);
        summary = verifying(() -> rounds.verify(verification));
        record = rounds.record();
        results = record.results();
      } else {
        summary = OutputAssembler.recordVerification(record, summary, Verification.notRun(off));
      }
      RunReport.write(dir, ReportModel.fromRun(record.plan(), summary));
      scrubOutputs(dir);
      boolean interrupted = results.stream().anyMatch(r -> r.status() == TaskStatus.NOT_STARTED);
      Instant end = clock.instant();
      journal.runFinished(end, interrupted);
      listener.on(
          new RunEvent.RunFinished(
              end,
              count(results, TaskStatus.COMPLETED),
              count(results, TaskStatus.FAILED),
              count(results, TaskStatus.SKIPPED),
              count(results, TaskStatus.NOT_STARTED),
              Duration.between(startedAt, end)));
      return new RunOutcome(record, dir, summary.verification());
    } finally {
      // A stop or cancel belongs to the run it was meant for, or to the next one if it came
      // between runs; never to the run after that.
      cancelRequested = false;
      stopRequested = false;
    }
  }

  // The verify step runs tests on this thread; a cancel interrupts it, which ends them.
  private Summary verifying(java.util.function.Supplier<Summary> step) {
    verifyingThread = Thread.currentThread();
    try {
      return step.get();
    } finally {
      verifyingThread = null;
      Thread.interrupted(); // a cancel that came as the step ended; cancelRequested keeps it
    }
  }

  // Fix tasks go through the same dispatch, event writer and journal as the run's own tasks.
  private RepairRounds.Dispatch fixDispatch(Path dir, Journal journal) {
    return (plan, completed) -> {
      try (EventWriter events = EventWriter.start(new JournalRecorder(journal).andThen(listener))) {
        return dispatch(plan, searchedDispatch(plan), dir, events, journal, completed, false);
      }
    };
  }

  private List<TaskResult> dispatch(
      Plan plan,
      PlanExecution.Dispatch dispatch,
      Path dir,
      RunListener events,
      Journal journal,
      Map<String, CompletedTask> completedBefore,
      boolean resumed)
      throws InterruptedException {
    if (engine != null) {
      return dispatchTo(engine, plan, dispatch, dir, events, journal, completedBefore, resumed);
    }
    PlanExecution execution =
        new PlanExecution(
            plan,
            dispatch,
            dir,
            agents,
            events,
            clock,
            retryPolicy,
            sleeper,
            journal,
            completedBefore);
    current = execution;
    try {
      if (cancelRequested) {
        execution.cancel();
      } else if (stopRequested) {
        execution.stop();
      }
      return execution.execute();
    } finally {
      current = null;
    }
  }

  private List<TaskResult> dispatchTo(
      Engine engine,
      Plan plan,
      PlanExecution.Dispatch dispatch,
      Path dir,
      RunListener events,
      Journal journal,
      Map<String, CompletedTask> completedBefore,
      boolean resumed)
      throws InterruptedException {
    EngineRun run =
        new EngineRun(
            plan, dispatch, dir, events, clock, retryPolicy, journal, completedBefore, resumed);
    currentRemote = run;
    try {
      if (cancelRequested) {
        run.cancel();
      }
      return engine.execute(run);
    } finally {
      currentRemote = null;
    }
  }

  // The order simulate predicts with: searched before dispatch, then fed to the same queue.
  private static PlanExecution.Dispatch searchedDispatch(Plan plan) {
    TaskGraph graph = TaskGraph.of(plan);
    int[][] conflicts = FileConflicts.adjacency(plan, graph);
    int[] rank =
        OrderSearch.search(
                plan, graph, conflicts, plan.executorBudget(), OrderSearch.DEFAULT_BUDGET)
            .rank();
    return new PlanExecution.Dispatch(graph, rank, conflicts);
  }

  /**
   * Cancels the current run: stops dispatching and interrupts running agents; their tasks count as
   * not started, so {@link #resume} runs them again. The outputs of completed tasks are still
   * consolidated. Safe to call from any thread (a signal handler); a cancel before a run starts
   * cancels that run.
   */
  public void cancel() {
    cancelRequested = true;
    PlanExecution execution = current;
    if (execution != null) {
      execution.cancel();
    }
    EngineRun remote = currentRemote;
    if (remote != null) {
      remote.cancel();
    }
    Thread verifier = verifyingThread;
    if (verifier != null) {
      verifier.interrupt();
    }
  }

  /**
   * Stops dispatching: running tasks finish, the rest are reported as not started. Safe to call
   * from any thread (a cost limit reached during planning); a stop before a run makes it start
   * nothing.
   */
  public void stop() {
    stopRequested = true;
    PlanExecution execution = current;
    if (execution != null) {
      execution.stop();
    }
  }

  // What the run wrote from its results: an agent's error or summary may quote a key it was given.
  private void scrubOutputs(Path dir) {
    for (String name :
        List.of(
            SummaryJson.FILE_NAME,
            ProjectReadme.FILE_NAME,
            RunReport.FILE_NAME,
            "docs/" + SummaryJson.FILE_NAME)) {
      secrets.scrub(dir.resolve(name));
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
    private RetryPolicy retryPolicy = RetryPolicy.NONE;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private boolean budgetGiven;
    private Secrets secrets = Secrets.none();
    private Engine engine;
    private VerificationSettings verification;
    private String verificationOff = "the verify step is off";
    private Backend plannerKind;
    private Backend executorKind;

    private Builder() {}

    /**
     * The secrets to mask in everything the run writes (log, journal, summary, README, report);
     * default none.
     */
    public Builder secrets(Secrets secrets) {
      this.secrets = requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Where the task attempts run: null (the default) for executor threads in this process with the
     * {@link #agents}, else the given engine, whose workers bring their own agents.
     */
    public Builder engine(Engine engine) {
      this.engine = engine;
      return this;
    }

    /** Builds and tests the consolidated project after the run, with repair rounds; default off. */
    public Builder verification(VerificationSettings settings) {
      this.verification = requireNonNull(settings, "settings");
      return this;
    }

    /** No verify step; the summary gives the reason. The default. */
    public Builder noVerification(String reason) {
      this.verification = null;
      this.verificationOff = requireNonNull(reason, "reason");
      return this;
    }

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
     * @throws UsageException if less than 1 or more than {@link PlanValidator#MAX_EXECUTORS}
     */
    public Builder maxExecutors(int executors) {
      if (executors < 1) {
        throw new UsageException(
            "--max-executors must be at least 1, was " + executors + "; use e.g. -m 3");
      }
      if (executors > PlanValidator.MAX_EXECUTORS) {
        throw new UsageException(
            "--max-executors must be at most "
                + PlanValidator.MAX_EXECUTORS
                + ", was "
                + executors
                + "; each executor is a thread, and more than there are tasks to run at once"
                + " only costs memory");
      }
      this.maxExecutors = executors;
      this.budgetGiven = true;
      return this;
    }

    /**
     * Where to write; default {@code outputs/<slug-of-the-requirement>} in the working directory.
     */
    public Builder outputDirectory(Path directory) {
      this.outputDirectory = directory;
      return this;
    }

    /** Whether a non-empty directory that is not an earlier run may be written into. */
    /**
     * What the planner and the agents are, for the summary, the README and the report to name;
     * unnamed, they record null.
     */
    public Builder describedAs(Backend planner, Backend executor) {
      this.plannerKind = planner;
      this.executorKind = executor;
      return this;
    }

    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /** Hears every run event (console, reports); called one event at a time. */
    public Builder listener(RunListener listener) {
      this.listener = requireNonNull(listener, "listener");
      return this;
    }

    /** Time limit and retries of task attempts; default one attempt without a time limit. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = requireNonNull(policy, "policy");
      return this;
    }

    /** How retries wait out their backoff; for tests. Default sleeping on the executor's thread. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper");
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
