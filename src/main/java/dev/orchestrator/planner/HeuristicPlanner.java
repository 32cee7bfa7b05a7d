package dev.orchestrator.planner;

import static java.util.Objects.requireNonNull;

import dev.orchestrator.UsageException;
import dev.orchestrator.plan.Complexity;
import dev.orchestrator.plan.FileConflicts;
import dev.orchestrator.plan.Plan;
import dev.orchestrator.plan.PlanValidator;
import dev.orchestrator.plan.Task;
import dev.orchestrator.plan.TaskGraph;
import dev.orchestrator.planner.repository.RepositoryMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans offline, from the words of the requirement alone: no network, no model, no key.
 *
 * <p>It recognises the domain (web app, REST API, data pipeline, machine learning model, game,
 * mobile app, command-line tool or library, microservices) and the components the requirement
 * names, and the stack it names, scores the complexity from 0 to 100, and lays out a contract-first
 * task graph: one short task that fixes the interfaces the parts share (API schema, data model,
 * message formats, module boundaries), then the parts, built side by side against it, each owning
 * its own files, then integration tests and documentation. The number of tasks follows the score's
 * band: simple 1 to 3, moderate 4 to 8, complex 9 to 15, very complex 16 or more, of which an
 * offline plan makes at most {@value #MAX_TASKS}; related work is grouped to stay within it. A
 * component's tests are a task of their own while the band has room, waiting only for the part that
 * builds the component. Estimates come from the kind of work alone, wherever it sits.
 *
 * <p>Deterministic: the same requirement and budget give the same plan. Stateless and thread-safe.
 */
public final class HeuristicPlanner implements Planner {

  private static final String SOURCE = "heuristic planner";

  /**
   * The most tasks an offline plan has, also in the open-ended very complex band: past it, every
   * further split costs an agent's reading of the contract and a merge more than it gains in
   * parallel work, so related features are grouped instead.
   */
  static final int MAX_TASKS = 20;

  private final RequirementParser parser = new RequirementParser();
  private final ComplexityAnalyzer analyzer = new ComplexityAnalyzer();
  private final BudgetFitter fitter = new BudgetFitter();

  /**
   * {@inheritDoc}
   *
   * @throws UsageException if the requirement is blank or the budget is below one executor
   */
  @Override
  public Plan plan(String requirements, int executorBudget) {
    Requirement requirement =
        parser.parse(Planner.checkedRequirement(requirements, executorBudget));
    Complexity complexity = analyzer.analyze(requirement);
    TaskDrafter drafter = new TaskDrafter(TemplateCatalogue.load());
    TaskBudget budget = TaskBudget.of(complexity).atMost(MAX_TASKS);
    BudgetFitter.Fitting fitting =
        fitter.fit(drafter.draft(requirement), drafter.extras(requirement), budget);
    List<TaskDraft> drafts = fitting.drafts();
    List<List<Integer>> waits = PhaseDependencies.of(drafts);
    return PlanValidator.requireValid(
        plan(
            requirement,
            complexity,
            executorBudget,
            drafts,
            waits,
            ExecutionStrategy.describe(graph(drafts, waits), executorBudget),
            notes(requirement, complexity, budget, fitting)),
        SOURCE);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Offline against the repository's layout ({@link RepositoryDrafter}): a part per component
   * the requirement names, or one for the whole change, with its tests, then one task that wires
   * the parts in and updates the README. The band of the score caps the number of tasks, as for a
   * new project, but no standard tasks are added to reach its minimum: a repository has its build,
   * CI and documentation already. Tasks that would own the same file run one after the other.
   *
   * @throws UsageException if the requirement is blank or the budget is below one executor
   */
  @Override
  public Plan plan(String requirements, int executorBudget, RepositoryMap repository) {
    requireNonNull(repository, "repository");
    Requirement requirement =
        parser.parse(Planner.checkedRequirement(requirements, executorBudget));
    Complexity complexity = analyzer.analyze(requirement);
    RepositoryDrafter.Drafting drafting = new RepositoryDrafter().draft(requirement, repository);
    TaskBudget budget = new TaskBudget(1, TaskBudget.of(complexity).atMost(MAX_TASKS).max());
    List<TaskDraft> drafts = fitter.fit(drafting.drafts(), List.of(), budget).drafts();
    List<List<Integer>> waits = new ArrayList<>();
    PhaseDependencies.of(drafts).forEach(w -> waits.add(new ArrayList<>(w)));
    Plan unordered = plan(requirement, complexity, executorBudget, drafts, waits, "", "");
    // Drafts are in phase order and every wait points to an earlier draft, so these added waits
    // (the later of two tasks waits for the earlier) keep the graph acyclic.
    List<int[]> shared = FileConflicts.pairs(unordered, TaskGraph.of(unordered));
    shared.forEach(pair -> waits.get(pair[1]).add(pair[0]));
    Plan plan =
        plan(
            requirement,
            complexity,
            executorBudget,
            drafts,
            waits,
            ExecutionStrategy.describe(graph(drafts, waits), executorBudget),
            RepositoryNotes.of(
                repository.layout(),
                drafting,
                TaskBudget.of(complexity).min(),
                drafts.size(),
                shared.size()));
    return PlanValidator.requireValid(plan, SOURCE);
  }

  // A plan of the drafts in the task-queue model, without a forecast.
  private static Plan plan(
      Requirement requirement,
      Complexity complexity,
      int executorBudget,
      List<TaskDraft> drafts,
      List<List<Integer>> waits,
      String strategy,
      String notes) {
    return new Plan(
        requirement.text(),
        complexity,
        executorBudget,
        Plan.TASK_QUEUE,
        tasks(drafts),
        dependencies(waits),
        strategy,
        notes,
        null);
  }

  private static List<Task> tasks(List<TaskDraft> drafts) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      TaskDraft draft = drafts.get(i);
      tasks.add(
          new Task(
              id(i),
              draft.name(),
              draft.description(),
              draft.priority(),
              draft.effort(),
              draft.duration(),
              draft.criteria(),
              draft.files()));
    }
    return tasks;
  }

  // Only tasks that wait for something, in task order, as the plan file lists them.
  private static Map<String, List<String>> dependencies(List<List<Integer>> waits) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    for (int i = 0; i < waits.size(); i++) {
      if (!waits.get(i).isEmpty()) {
        dependencies.put(id(i), waits.get(i).stream().map(HeuristicPlanner::id).toList());
      }
    }
    return dependencies;
  }

  private static TaskGraph graph(List<TaskDraft> drafts, List<List<Integer>> waits) {
    return TaskGraph.ofIndices(
        waits.stream()
            .map(w -> w.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new),
        drafts.stream().mapToLong(d -> d.duration().toMillis()).toArray());
  }

  private static String id(int position) {
    return "task_" + (position + 1);
  }

  private static String notes(
      Requirement requirement,
      Complexity complexity,
      TaskBudget budget,
      BudgetFitter.Fitting fitting) {
    List<TaskDraft> drafts = fitting.drafts();
    int contracts = PhaseDependencies.positions(drafts, Layer.CONTRACT).size();
    int parts = PhaseDependencies.positions(drafts, Layer.PART).size();
    int tests = PhaseDependencies.positions(drafts, Layer.TESTS).size();
    StringBuilder notes =
        new StringBuilder("Planned offline from the words of the requirement as a ")
            .append(requirement.domain().label())
            .append(". ");
    if (contracts > 0) {
      notes
          .append("Contract first: ")
          .append(drafts.get(0).name())
          .append(" fixes the interfaces the parts share as files they read, so that the ")
          .append(parts)
          .append(" parts can then be built at the same time against it instead of waiting for")
          .append(" each other's code; ");
      if (tests > 0) {
        notes
            .append(tests)
            .append(tests == 1 ? " component's tests wait" : " components' tests each wait")
            .append(" only for the part that builds that component; ");
      }
      notes.append("integration tests and documentation come last. ");
    }
    notes.append(
        "Each task lists the files it owns; tasks that may run at the same time own different"
            + " files, so parallel executors never write the same file.");
    if (fitting.added() > 0) {
      notes
          .append(" To reach the ")
          .append(complexity.band())
          .append(" band's ")
          .append(budget.describe())
          .append(", ")
          .append(fitting.added())
          .append(" standard task")
          .append(fitting.added() == 1 ? " was" : "s were")
          .append(" added.");
    }
    if (fitting.merged() > 0) {
      notes
          .append(" To stay within ")
          .append(budget.describe())
          .append(" (the ")
          .append(complexity.band())
          .append(" band")
          .append(
              budget.max() == MAX_TASKS ? ", at most " + MAX_TASKS + " when planned offline" : "")
          .append("), related tasks were grouped ")
          .append(fitting.merged())
          .append(fitting.merged() == 1 ? " time." : " times.");
    }
    return notes.toString();
  }
}
