package dev.orchestrator.run;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.OrchestratorException;
import dev.orchestrator.Secrets;
import dev.orchestrator.Sleeper;
import dev.orchestrator.UsageException;
import dev.orchestrator.agent.Agent;
import dev.orchestrator.agent.SimulatedAgent;
import dev.orchestrator.output.Backend;
import dev.orchestrator.output.SummaryAddition;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanJson;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.planner.HeuristicPlanner;
import dev.orchestrator.planner.Planner;
import dev.orchestrator.planner.repository.RepositoryMap;
import dev.orchestrator.usage.TokenUsage;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

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

  private final Planner planner;
  private final int maxExecutors;
  private final boolean budgetGiven;
  private final Path outputDirectory;
  private final Path outputBase;
  private final RepositoryMap repository;
  private final Consumer<Path> onRunDirectory;
  private final boolean force;
  private final RunSettings settings;
  private final RunControl control = new RunControl();

  private Orchestrator(Builder builder) {
    this.planner = builder.planner;
    this.maxExecutors = builder.maxExecutors;
    this.budgetGiven = builder.budgetGiven;
    this.outputDirectory = builder.outputDirectory;
    this.outputBase = builder.outputBase;
    this.repository = builder.repository;
    this.onRunDirectory = builder.onRunDirectory;
    this.force = builder.force;
    this.settings =
        new RunSettings(
            builder.agents,
            new EventLog().andThen(builder.listener),
            builder.clock,
            builder.retryPolicy,
            builder.sleeper,
            builder.secrets,
            builder.engine,
            builder.verification,
            builder.verificationOff,
            builder.plannerKind,
            builder.executorKind,
            builder.options,
            builder.summaryAddition);
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
    String checked = Planner.checkedRequirement(requirements, maxExecutors);
    // The heuristic planner answers at once; a model or Claude Code can take minutes.
    if (!(planner instanceof HeuristicPlanner)) {
      Backend kind = settings.plannerKind();
      settings
          .listener()
          .on(
              new RunEvent.StepStarted(
                  settings.clock().instant(),
                  kind == null
                      ? "Planning"
                      : "Planning with "
                          + kind.kind()
                          + (kind.model() == null ? "" : " (" + kind.model() + ")")));
    }
    // A cancel ends the planner (a Claude Code process, a model request) rather than waiting for
    // it.
    Plan plan =
        control.interruptibly(
            () ->
                repository == null
                    ? planner.plan(checked, maxExecutors)
                    : planner.plan(checked, maxExecutors, repository));
    return PlanValidator.requireValid(plan.withExecutorBudget(maxExecutors), "planner");
  }

  /**
   * Writes a plan as {@code execution_plan.json} into the output directory, preparing it.
   *
   * @return the plan file
   */
  public Path savePlan(Plan plan) {
    Path dir = OutputDirectory.claim(outputDirectoryFor(plan), force, plan);
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      OutputDirectory.clear(dir);
      Path file = OutputDirectory.writePlan(dir, plan);
      Journal.open(dir, settings.secrets())
          .close(); // an empty journal: the directory is a run, not yet started
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
    Path dir = OutputDirectory.claim(outputDirectoryFor(plan), force, plan);
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      OutputDirectory.clear(dir);
      OutputDirectory.writePlan(dir, budgeted);
      onRunDirectory.accept(dir);
      return session().run(budgeted, dir, Map.of(), null);
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
    Path planFile = Resumption.planFileOf(dir);
    RunDirectoryLock lock = RunDirectoryLock.acquire(dir);
    try (lock) {
      Plan plan = budgeted(PlanJson.read(planFile));
      Resumption resumption = Resumption.prepare(dir, plan, settings.secrets());
      onRunDirectory.accept(dir);
      return session().run(plan, dir, resumption.intact(), resumption.records());
    }
  }

  /**
   * The options the last session of a run recorded (see {@link Builder#recordedOptions}), read
   * without changing anything; empty when it recorded none or the directory is no run.
   */
  public static Map<String, List<String>> recordedOptions(Path directory) {
    return JournalRecords.options(JournalRecords.peek(directory.toAbsolutePath().normalize()));
  }

  /**
   * Builds and tests the consolidated project of an earlier run again, with the repair rounds of
   * the verification settings; the summary, README and report then say what it found.
   *
   * @throws UsageException if the directory is not a finished run, or no verification is set
   */
  public Verification verify(Path directory) {
    if (settings.verification() == null) {
      throw new UsageException("verify needs verification settings: " + settings.verificationOff());
    }
    EarlierRun earlier = EarlierRun.read(directory);
    RunDirectoryLock lock = RunDirectoryLock.acquire(earlier.directory());
    try (lock) {
      return session().verify(earlier);
    }
  }

  /**
   * The plan with the executor budget a run of this orchestrator gives it: the one set with {@link
   * Builder#maxExecutors}, else the plan's own.
   */
  public Plan budgeted(Plan plan) {
    return budgetGiven ? plan.withExecutorBudget(maxExecutors) : plan;
  }

  // The planner's spending goes into the run's record and totals with its name.
  private RunSession session() {
    TokenUsage planning = planner.usage();
    return new RunSession(
        settings.plannerKind() == null || planning == null
            ? settings
            : settings.withPlannerKind(settings.plannerKind().withUsage(planning)),
        control);
  }

  /**
   * Cancels the current run: stops dispatching and interrupts running agents; their tasks count as
   * not started, so {@link #resume} runs them again. The outputs of completed tasks are still
   * consolidated. Safe to call from any thread (a signal handler); a cancel before a run starts
   * cancels that run, and one during {@link #plan} interrupts the planner, which then throws.
   */
  public void cancel() {
    control.cancel();
  }

  /**
   * Stops dispatching: running tasks finish, the rest are reported as not started. Safe to call
   * from any thread (a cost limit reached during planning); a stop before a run makes it start
   * nothing.
   */
  public void stop() {
    control.stop();
  }

  /**
   * Where a run or a saved plan of {@code plan} is written: the configured directory, else the
   * default one, or with {@code --force} the default even when an earlier run is there, else a
   * fresh {@code -2}, {@code -3}, ... beside it.
   */
  public Path outputDirectoryFor(Plan plan) {
    if (outputDirectory != null) {
      return outputDirectory;
    }
    if (outputBase != null) {
      return OutputDirectory.freshIn(outputBase, plan.requirements());
    }
    return force
        ? OutputDirectory.defaultFor(Path.of(""), plan.requirements())
        : OutputDirectory.freshDefaultFor(Path.of(""), plan.requirements());
  }

  /** Configures an {@link Orchestrator}; every setting has a default that runs offline. */
  public static final class Builder {
    private Planner planner = new HeuristicPlanner();
    private IntFunction<Agent> agents = executor -> new SimulatedAgent(Duration.ofMillis(300));
    private int maxExecutors = 5;
    private Path outputDirectory;
    private Path outputBase;
    private RepositoryMap repository;
    private Consumer<Path> onRunDirectory = dir -> {};
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
    private Map<String, List<String>> options = Map.of();
    private SummaryAddition summaryAddition = SummaryAddition.NONE;

    private Builder() {}

    /**
     * Fields to add to {@code execution_summary.json} each time a run, a resume or a verify writes
     * it (the repository mode's {@code repository} object); the report shows the repository's.
     * Default none.
     */
    public Builder summaryAddition(SummaryAddition addition) {
      this.summaryAddition = requireNonNull(addition, "addition");
      return this;
    }

    /**
     * The options a session runs with, by name, recorded in the journal for {@link
     * Orchestrator#recordedOptions} to give back when the run is resumed; default none. Never a
     * key.
     */
    public Builder recordedOptions(Map<String, List<String>> options) {
      this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
      return this;
    }

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

    /**
     * Where a run without {@link #outputDirectory} goes: {@code <base>/<slug>} (or {@code
     * <slug>-2}, ...) instead of {@code outputs/<slug>} in the working directory.
     */
    public Builder outputBase(Path base) {
      this.outputBase = requireNonNull(base, "base");
      return this;
    }

    /** Plans against this map of the user's repository ({@code --repo}). */
    public Builder repository(RepositoryMap map) {
      this.repository = requireNonNull(map, "map");
      return this;
    }

    /**
     * Called with the run directory, claimed and locked, before a run or a resumed run starts its
     * first task: for what a mode of the run keeps there beside the journal.
     */
    public Builder onRunDirectory(Consumer<Path> prepare) {
      this.onRunDirectory = requireNonNull(prepare, "prepare");
      return this;
    }

    /**
     * What the planner and the agents are, for the summary, the README and the report to name;
     * unnamed, they record null. With an {@link #engine}, the executor named is what its workers
     * report running the attempts with, whatever is given here.
     */
    public Builder describedAs(Backend planner, Backend executor) {
      this.plannerKind = planner;
      this.executorKind = executor;
      return this;
    }

    /** Whether a non-empty directory that is not an earlier run may be written into. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * Hears every run event (console, reports); called one event at a time. What it throws is
     * logged and changes nothing: the run, its outputs and the other listeners go on.
     */
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
