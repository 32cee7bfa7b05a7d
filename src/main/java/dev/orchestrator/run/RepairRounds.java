package dev.orchestrator.run;

import dev.orchestrator.Secrets;
import dev.orchestrator.output.OutputAssembler;
import dev.orchestrator.output.RunRecord;
import dev.orchestrator.output.Summary;
import dev.orchestrator.output.SummaryAddition;
import dev.orchestrator.output.TaskResult;
import dev.orchestrator.output.Verification;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskStatus;
import dev.orchestrator.verify.FixTasks;
import dev.orchestrator.verify.Repairs;
import dev.orchestrator.verify.VerificationLoop;
import dev.orchestrator.verify.VerificationSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs the fix tasks of a repair round like any task of the run: through a {@link PlanExecution} of
 * the completed tasks plus the fixes, on the same agents, journal and listener. A fix task depends
 * on every task completed so far, so it starts with their files in its workspace and its version of
 * a file wins in consolidation. The plan file then holds the fix tasks too, so the summary, report,
 * README and {@code resume} see them like any task.
 */
final class RepairRounds implements Repairs {

  /**
   * What the step needs of the run it repairs.
   *
   * @param listener hears the steps of the verify step ({@link RunEvent.StepStarted})
   * @param summaryAddition what each summary it writes gets besides its own fields
   */
  record Run(
      Path directory,
      int executors,
      Clock clock,
      RunListener listener,
      SummaryAddition summaryAddition) {}

  /** Dispatches a plan whose completed tasks are given, the way the run dispatches its own. */
  @FunctionalInterface
  interface Dispatch {
    /**
     * One result per task of the plan, in plan order.
     *
     * @param round the repair round whose fix tasks are the plan's tasks not completed
     */
    List<TaskResult> run(Plan plan, Map<String, TaskResult> completed, int round)
        throws InterruptedException;
  }

  private final Run run;
  private final Dispatch dispatch;
  private final BooleanSupplier stopped;
  private RunRecord record;
  private Summary summary;

  /**
   * @param stopped whether the run was stopped or cancelled: no round starts then
   */
  RepairRounds(
      Run run, RunRecord record, Summary summary, Dispatch dispatch, BooleanSupplier stopped) {
    this.run = run;
    this.record = record;
    this.summary = summary;
    this.dispatch = dispatch;
    this.stopped = stopped;
  }

  /** The run as it stands after the last round. */
  RunRecord record() {
    return record;
  }

  /** The summary written after the last round. */
  Summary summary() {
    return summary;
  }

  /**
   * Verifies the consolidated project with its repair rounds, then writes the summary and README
   * again with the verification.
   *
   * @param secrets masked in the test commands' logs
   * @return the summary written
   */
  Summary verify(VerificationSettings settings, Secrets secrets) {
    return record(loop(settings, secrets).run(run.directory(), record.plan()));
  }

  /**
   * Verifies a finished run again in a session of its own, keeping the rounds of its earlier
   * verification, then writes the summary and README again.
   *
   * @param secrets masked in the test commands' logs
   * @return the summary written
   */
  Summary verifyAgain(VerificationSettings settings, Secrets secrets) {
    Verification earlier = summary.verification();
    return record(
        loop(settings, secrets)
            .again(run.directory(), record.plan(), earlier == null ? List.of() : earlier.rounds()));
  }

  private VerificationLoop loop(VerificationSettings settings, Secrets secrets) {
    return new VerificationLoop(
        settings,
        secrets,
        settings.fixRounds() > 0 ? this : Repairs.NONE,
        step -> run.listener().on(new RunEvent.StepStarted(run.clock().instant(), step)));
  }

  private Summary record(Verification verification) {
    summary =
        OutputAssembler.recordVerification(record, summary, verification, run.summaryAddition());
    return summary;
  }

  @Override
  public Optional<Plan> repair(Plan plan, List<Task> fixes) throws InterruptedException {
    if (stopped.getAsBoolean()) {
      return Optional.empty();
    }
    Map<String, TaskResult> completed = new LinkedHashMap<>();
    for (TaskResult result : record.results()) {
      if (result.status() == TaskStatus.COMPLETED && result.rawDirectory() != null) {
        completed.put(result.taskId(), result.in(run.directory().resolve(result.rawDirectory())));
      }
    }
    List<String> after = List.copyOf(completed.keySet());
    Map<String, List<String>> fixDependencies = new LinkedHashMap<>();
    fixes.forEach(fix -> fixDependencies.put(fix.id(), after));

    Set<String> done = completed.keySet();
    List<Task> executed = new ArrayList<>();
    plan.tasks().stream().filter(t -> done.contains(t.id())).forEach(executed::add);
    executed.addAll(fixes);
    Map<String, List<String>> executedDependencies = new LinkedHashMap<>();
    plan.dependencies()
        .forEach(
            (id, deps) -> {
              if (done.contains(id)) {
                executedDependencies.put(
                    id, deps.stream().filter(done::contains).collect(Collectors.toList()));
              }
            });
    executedDependencies.putAll(fixDependencies);
    List<TaskResult> results =
        dispatch.run(
            withTasks(plan, executed, executedDependencies).withExecutorBudget(run.executors()),
            completed,
            FixTasks.roundsIn(plan) + 1);

    List<Task> allTasks = new ArrayList<>(plan.tasks());
    allTasks.addAll(fixes);
    Map<String, List<String>> allDependencies = new LinkedHashMap<>(plan.dependencies());
    allDependencies.putAll(fixDependencies);
    Plan repaired = withTasks(plan, allTasks, allDependencies);
    OutputDirectory.writePlan(run.directory(), repaired);
    List<TaskResult> allResults = new ArrayList<>(record.results());
    Set<String> fixIds = fixDependencies.keySet();
    List<TaskResult> fixResults =
        results.stream().filter(r -> fixIds.contains(r.taskId())).toList();
    allResults.addAll(fixResults);
    record =
        new RunRecord(
            repaired,
            run.executors(),
            run.directory(),
            record.startedAt(),
            run.clock().instant(),
            allResults,
            record.planner(),
            record.executor(),
            record.pauses());
    summary = OutputAssembler.assemble(record, run.summaryAddition());
    // Fixes that all ran are tested again even after a stop: tests cost no model calls.
    boolean interrupted = fixResults.stream().anyMatch(r -> r.status() == TaskStatus.NOT_STARTED);
    return interrupted ? Optional.empty() : Optional.of(repaired);
  }

  private static Plan withTasks(Plan plan, List<Task> tasks, Map<String, List<String>> deps) {
    return new Plan(
        plan.requirements(),
        plan.complexity(),
        plan.executorBudget(),
        plan.executionModel(),
        tasks,
        deps,
        plan.executionStrategy(),
        plan.notes(),
        // The forecast was of the tasks as planned; with fix tasks added there is none.
        null);
  }
}
